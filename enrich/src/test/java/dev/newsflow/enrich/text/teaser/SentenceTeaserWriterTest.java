package dev.newsflow.enrich.text.teaser;

import dev.newsflow.enrich.text.Teaser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentenceTeaserWriterTest {

    private static final String HEADLINE = "Council approves new bridge";
    private static final String NONE = null;

    /** rule, limit, headline, editor's teaser, expected text, machine-made, paragraphs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // editor's teaser wins, cleaned and bounded
                c("editor wins", 160, HEADLINE, "The vote ends a ten-year row.", "The vote ends a ten-year row.", false,
                        "The council voted on Monday."),
                c("editor cleaned of markup", 160, HEADLINE, "<p>The vote <b>ends</b> a row.</p>", "The vote ends a row.", false,
                        "The council voted on Monday."),
                c("editor cleaned of entities", 160, HEADLINE, "Fish &amp; chips &mdash; cheaper", "Fish & chips — cheaper", false,
                        "The council voted on Monday."),
                c("editor bounded at a sentence", 40, HEADLINE, "The vote ends a ten-year row. Work starts in the spring of next year.",
                        "The vote ends a ten-year row.", false, "The council voted."),
                c("editor bounded by a cut", 30, HEADLINE, "The council finally approved the long-awaited bridge",
                        "The council finally approved…", false, "The council voted."),
                c("blank editor teaser falls back", 160, HEADLINE, "  <br/> ", "The council voted on Monday.", true,
                        "The council voted on Monday."),
                // an editor's teaser the sender's CMS cut off: its whole sentences, else the story's
                c("cut editor teaser keeps its whole sentences", 160, HEADLINE,
                        "The vote ends a ten-year row. Work on the bridge starts in the spring and the council said the [&hellip;]",
                        "The vote ends a ten-year row.", false, "The council voted on Monday."),
                c("cut editor teaser without a whole sentence gives way to the story", 160, HEADLINE,
                        "The council voted on Monday night to approve the long-awaited bridge over the river, and the mayor said...",
                        "The council voted on Monday.", true, "The council voted on Monday."),
                c("an editor's short ellipsis is style, not a cut", 160, HEADLINE, "The wait is over...",
                        "The wait is over...", false, "The council voted on Monday."),
                c("an editor's long ellipsis after a word a sentence can end on is style too", 160, HEADLINE,
                        "Eleven goals, three red cards and a goalkeeper who scored twice: this was no ordinary Saturday…",
                        "Eleven goals, three red cards and a goalkeeper who scored twice: this was no ordinary Saturday…",
                        false, "The council voted on Monday."),
                c("Japanese sentences are joined without a space", 160, HEADLINE, NONE,
                        "東京で国際会議が開幕した。各国の代表は削減目標について議論した。", true,
                        "東京で国際会議が開幕した。各国の代表は削減目標について議論した。"),
                c("a cut mark escaped twice is still a cut", 160, HEADLINE,
                        "The vote ends a ten-year row. Work on the bridge starts in the spring and the council said [&amp;hellip;]",
                        "The vote ends a ten-year row.", false, "The council voted on Monday."),
                c("a feed's link label after the editor's teaser goes", 160, HEADLINE,
                        "The vote ends a ten-year row. Read more »", "The vote ends a ten-year row.", false,
                        "The council voted on Monday."),
                c("a teaser that ends on more is kept", 160, HEADLINE, "Bridges, tunnels and more",
                        "Bridges, tunnels and more", false, "The council voted on Monday."),
                c("a teaser that ends on read more is a sentence, not a link", 160, HEADLINE,
                        "A new campaign wants children to read more", "A new campaign wants children to read more", false,
                        "The council voted on Monday."),
                c("a link label with its verb goes whole", 160, HEADLINE, "The vote ends a ten-year row. Find out more »",
                        "The vote ends a ten-year row.", false, "The council voted on Monday."),
                c("a Japanese sentence closed by a quote is joined without a space", 160, HEADLINE, NONE,
                        "「会議は終わった。」各国の代表は帰国した。", true, "「会議は終わった。」各国の代表は帰国した。"),
                c("a cut editor teaser whose whole sentences say too little gives way to the story", 160, HEADLINE,
                        "Close. Councillors from every ward said the cuts to the library budget were [&hellip;]",
                        "The council voted on Monday.", true, "The council voted on Monday."),
                c("a cut editor teaser with no story behind it ends in a plain ellipsis", 160, HEADLINE,
                        "The council voted on Monday night to approve the long-awaited bridge over the river, and [&hellip;]",
                        "The council voted on Monday night to approve the long-awaited bridge over the river…", false),
                c("an ellipsis after a whole sentence is no cut", 160, HEADLINE,
                        "The council voted on Monday night to approve the long-awaited bridge over the river at last. …",
                        "The council voted on Monday night to approve the long-awaited bridge over the river at last. …", false,
                        "The council voted on Monday."),
                // whole sentences when they fit
                c("one sentence fits", 100, HEADLINE, NONE, "The council voted 7-2 on Monday to build the bridge.", true,
                        "The council voted 7-2 on Monday to build the bridge. Work starts in spring and will take three years, officials said after the meeting ended."),
                c("two sentences fit", 160, HEADLINE, NONE, "The council voted on Monday. Work starts in spring.", true,
                        "The council voted on Monday. Work starts in spring."),
                c("an editor's correction before the story is no teaser", 160, HEADLINE, NONE, "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday.", true,
                        "Correction: An earlier version of this story misstated the age of the victim.", "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday."),
                c("a content warning neither", 160, HEADLINE, NONE, "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday.", true,
                        "Warning: This article contains details some readers may find distressing.", "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday."),
                c("nor an update note", 160, HEADLINE, NONE, "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday.", true,
                        "This article was updated at 15:40 to include comments from the fire service.", "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday."),
                c("a caption with its credit neither", 160, HEADLINE, NONE, "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday.", true,
                        "Police at the scene in Harehills Lane on Saturday. (Photo: Ross Parry)", "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday."),
                c("a credit after the caption's full stop neither", 160, HEADLINE, NONE, "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday.", true,
                        "Police at the scene in Harehills Lane on Saturday. Picture: Ross Parry Agency", "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday."),
                c("the old BBC caption label neither", 160, HEADLINE, NONE, "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday.", true,
                        "Image caption Trees were uprooted across the region", "A man has been charged with murder after a woman was found dead at a house in Leeds on Saturday."),
                c("another story's link at a paragraph's end ends the teaser", 160, HEADLINE, NONE,
                        "The chancellor will deliver her budget on Wednesday.", true,
                        "The chancellor will deliver her budget on Wednesday. Read more: What to expect from the budget"),
                c("a German ordinal is no sentence end", 160, HEADLINE, NONE,
                        "Am 3. Oktober feiert Deutschland den Tag der Deutschen Einheit.", true,
                        "Am 3. Oktober feiert Deutschland den Tag der Deutschen Einheit. In Berlin wird mit einem großen Fest am Brandenburger Tor gefeiert, zu dem Hunderttausende erwartet werden."),
                c("a club's or a place's ordinal neither", 160, HEADLINE, NONE,
                        "Der 1. FC Köln hat am Samstag gewonnen. Die Kölner sind damit auf den 12. Platz der Tabelle geklettert.", true,
                        "Der 1. FC Köln hat am Samstag gewonnen. Die Kölner sind damit auf den 12. Platz der Tabelle geklettert."),
                c("a number at a sentence's end still is one", 160, HEADLINE, NONE,
                        "The bill passed by 52 votes to 48. The Senate now takes it up.", true,
                        "The bill passed by 52 votes to 48. The Senate now takes it up."),
                c("also before a month or a noun English shares with German", 60, HEADLINE, NONE,
                        "The index closed at 150.", true,
                        "The index closed at 150. April sales were weaker than expected, traders said on Monday."),
                c("Spanish and British titles are no sentence ends", 160, HEADLINE, NONE,
                        "La Sra. García anunció este lunes que no se presentará a la reelección.", true,
                        "La Sra. García anunció este lunes que no se presentará a la reelección."),
                c("Rt. Hon. neither", 160, HEADLINE, NONE, "The Rt. Hon. Sir Keir Starmer MP met business leaders on Monday.", true,
                        "The Rt. Hon. Sir Keir Starmer MP met business leaders on Monday."),
                c("continues into the next paragraph when short", 160, HEADLINE, NONE, "The council voted. Work starts in spring.", true,
                        "The council voted.", "Work starts in spring."),
                c("stops at a sentence that does not fit", 60, HEADLINE, NONE, "The council voted on Monday.", true,
                        "The council voted on Monday. Work starts in spring and will take three years to finish."),
                c("question and exclamation end sentences", 60, HEADLINE, NONE, "Who pays? The council says it will!", true,
                        "Who pays? The council says it will! Residents are not so sure about it at all."),
                // a clause boundary in the last third wins over the last word boundary
                c("cut at a clause boundary", 80, HEADLINE, NONE, "The government announced a plan to move settlers out of Gaza…", true,
                        "The government announced a plan to move settlers out of Gaza, and to evacuate Jewish families within a year or two."),
                c("a clause boundary too far back is not taken", 80, HEADLINE, NONE, "Officials, the government said, approved a plan to move settlers out…", true,
                        "Officials, the government said, approved a plan to move settlers out of the Gaza Strip on Monday after talks."),
                // cut at a word boundary with an ellipsis
                c("cut at a word boundary", 40, HEADLINE, NONE, "The council voted overwhelmingly…", true,
                        "The council voted overwhelmingly on Monday evening to build a bridge across the river."),
                c("no preposition before the ellipsis", 60, HEADLINE, NONE,
                        "Carly Patterson did have one final dance…", true,
                        "Carly Patterson did have one final dance in front of the crowd at the Olympic arena in Athens."),
                c("no trailing comma before the ellipsis", 36, HEADLINE, NONE, "The mayor, who had opposed it…", true,
                        "The mayor, who had opposed it, changed her mind after a long debate."),
                c("no trailing dash before the ellipsis", 22, HEADLINE, NONE, "The vote was close…", true,
                        "The vote was close — very close — in the end, said the clerk."),
                c("no stop-word before the ellipsis", 34, HEADLINE, NONE, "He was hospitalised…", true,
                        "He was hospitalised with a stomach infection and is unlikely to play."),
                c("no German stop-word before the ellipsis", 32, "Rat stimmt zu", NONE, "Der Stadtrat hat am Montag…", true,
                        "Der Stadtrat hat am Montag mit großer Mehrheit für die neue Brücke gestimmt."),
                c("never mid-word", 20, HEADLINE, NONE, "Extraordinarily…", true,
                        "Extraordinarily uncooperative weather delayed everything."),
                // never inside a number, URL, abbreviation or open quotation
                c("not inside a spaced number", 28, HEADLINE, NONE, "The bridge will carry…", true,
                        "The bridge will carry 45 000 cars every day across the river."),
                c("not between a number and its unit", 37, HEADLINE, NONE, "The meeting ended…", true,
                        "The meeting ended at 3 p.m. on Monday after a long debate."),
                c("not inside a time abbreviation", 30, HEADLINE, NONE, "Voting closed…", true,
                        "Voting closed at 11 a.m. local time on Monday."),
                c("not after a title", 20, HEADLINE, NONE, "The plan…", true,
                        "The plan by Dr. Jane Okafor won the support of the council."),
                c("not after a dotted acronym", 35, HEADLINE, NONE, "Funding comes…", true,
                        "Funding comes from the U.S. government and the regional bank."),
                c("not after a currency sign", 25, HEADLINE, NONE, "The bridge costs…", true,
                        "The bridge costs € 45 million and opens in 2029."),
                c("not inside a URL", 40, HEADLINE, NONE, "Plans are published…", true,
                        "Plans are published at https://example.org/bridge/plans/final today."),
                c("a lead that opens with a quotation longer than the limit is cut between words", 60, HEADLINE, NONE,
                        "\"Our hospitals need urgent help from the government…", true,
                        "\"Our hospitals need urgent help from the government before winter,\" the nurses' union said on Monday."),
                c("a bracket that opens the lead and does not close in time is cut between words", 40, HEADLINE, NONE,
                        "(Reuters analysis of official figures…", true,
                        "(Reuters analysis of official figures shows a rise in claims.)"),
                c("not inside an open quotation", 50, HEADLINE, NONE, "The mayor called it…", true,
                        "The mayor called it \"a bridge to the future of our city and region\" on Monday."),
                c("not inside an open curly quotation", 50, HEADLINE, NONE, "The mayor called it…", true,
                        "The mayor called it “a bridge to the future of our city and region” on Monday."),
                c("a closed quotation is fine", 45, HEADLINE, NONE, "The mayor said “yes” and the council agreed…", true,
                        "The mayor said “yes” and the council agreed after a short debate on Monday."),
                c("not inside brackets", 45, HEADLINE, NONE, "The project…", true,
                        "The project (which has been debated since 2015 in the council) was approved."),
                c("abbreviation does not end a sentence", 80, HEADLINE, NONE, "Mr. Smith and Dr. Jones backed the plan on Jan. 5 at 3 p.m. on Monday.", true,
                        "Mr. Smith and Dr. Jones backed the plan on Jan. 5 at 3 p.m. on Monday. It passed easily."),
                c("acronym before a sentence opener ends a sentence", 40, HEADLINE, NONE, "Money came from the U.S.", true,
                        "Money came from the U.S. The rest came from the region and from private investors."),
                c("decimal is not a sentence end", 160, HEADLINE, NONE, "Costs rose 3.5 percent to 45.2 million euros.", true,
                        "Costs rose 3.5 percent to 45.2 million euros."),
                // datelines, bylines, boilerplate
                c("dateline with agency removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "LONDON (Reuters) - The council voted on Monday."),
                c("dateline with date removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "NEW YORK, March 3 (AP) — The council voted on Monday."),
                c("plain dateline removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "WASHINGTON — The council voted on Monday."),
                c("agency-only dateline removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "(Reuters) - The council voted on Monday."),
                c("acronym at the start is not a dateline", 160, HEADLINE, NONE, "US - and EU - officials met on Monday.", true,
                        "US - and EU - officials met on Monday."),
                c("date as dateline removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "Feb. 23, 2015 -- The council voted on Monday."),
                c("capitals date as dateline removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "OCTOBER 05, 2004 -- The council voted on Monday."),
                c("agency credit without brackets removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "AP - The council voted on Monday."),
                c("feed credit removed", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "SPACE.com - The council voted on Monday."),
                c("wire byline before the dateline removed", 160, HEADLINE, NONE, "It was Paul Allen's money that built it.", true,
                        "By JOHN ANTCZAK     LONG BEACH, Calif. (AP) -- It was Paul Allen's money that built it."),
                c("a company name is not a credit", 160, HEADLINE, NONE, "Apple - the maker of the iPhone - reported on Monday.", true,
                        "Apple - the maker of the iPhone - reported on Monday."),
                c("a credit-like subject followed by an aside is kept", 160, HEADLINE, NONE, "Amazon.com - the online retailer - reported on Monday.", true,
                        "Amazon.com - the online retailer - reported on Monday."),
                c("an agency-like subject followed by an aside is kept", 160, HEADLINE, NONE, "Bloomberg - the former mayor - said on Monday he would run.", true,
                        "Bloomberg - the former mayor - said on Monday he would run."),
                c("a wire byline with a staff title before the dateline removed", 160, HEADLINE, NONE, "Scientists said the ice is melting.", true,
                        "By SETH BORENSTEIN AP Science Writer WASHINGTON (AP) -- Scientists said the ice is melting."),
                c("a byline with name particles skipped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "By Ahmed al-Haj, Associated Press", "By João dos Santos, Associated Press",
                        "By Chris Mason, BBC political editor", "By Jane Doe, special to CNN", "The council voted on Monday."),
                c("an agency credit before a lower-case brand removed", 160, HEADLINE, NONE, "iPhone sales rose on Monday.", true,
                        "Reuters - iPhone sales rose on Monday."),
                c("a sentence opening with By and a comma is kept", 160, HEADLINE, NONE, "By Sunday, the storm had passed.", true,
                        "By Sunday, the storm had passed."),
                c("a sentence starting with By is kept", 160, HEADLINE, NONE, "By Friday - the deadline - the council had voted.", true,
                        "By Friday - the deadline - the council had voted."),
                c("byline skipped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "By Jane Doe and John Roe, Reuters", "The council voted on Monday."),
                c("German byline skipped", 160, HEADLINE, NONE, "Der Rat stimmte am Montag zu.", true,
                        "Von Anna Schmidt", "Der Rat stimmte am Montag zu."),
                c("a feed credit before the wire's dateline removed with it", 160, HEADLINE, NONE,
                        "The fate of an Alberta woman hangs on a court order.", true,
                        "Canadian Press - RED DEER, Alta. (CP) - The fate of an Alberta woman hangs on a court order."),
                c("a colon dateline removed", 160, HEADLINE, NONE, "Britain will send more troops.", true,
                        "LONDON: Britain will send more troops."),
                c("a label with a colon is kept", 160, HEADLINE, NONE, "BREAKING: Britain will send more troops.", true,
                        "BREAKING: Britain will send more troops."),
                c("a speaker with a colon is kept", 160, HEADLINE, NONE, "TRUMP: We will build the wall.", true,
                        "TRUMP: We will build the wall."),
                c("a two-word place with a colon is a dateline", 160, HEADLINE, NONE, "India will send more troops.", true,
                        "NEW DELHI: India will send more troops."),
                c("an opening byline sentence skipped", 160, HEADLINE, NONE, "Shaquille O'Neal leads the early voting.", true,
                        "By The Associated Press. Shaquille O'Neal leads the early voting."),
                c("an opening credit and the dateline after it skipped", 160, HEADLINE, NONE,
                        "One mighty swing made a significant impact.", true,
                        "Bee Staff Writer. SAN FRANCISCO - One mighty swing made a significant impact."),
                c("an opening fragment skipped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "Sep. 13, 2004. The council voted on Monday."),
                c("a short first sentence is a sentence", 160, HEADLINE, NONE, "He resigned. The council voted on Monday.", true,
                        "He resigned. The council voted on Monday."),
                c("a kicker is a sentence", 160, HEADLINE, NONE, "Clinched. The council voted on Monday.", true,
                        "Clinched. The council voted on Monday."),
                c("a question kicker is a sentence", 160, HEADLINE, NONE, "Remember 1965? The council does.", true,
                        "Remember 1965? The council does."),
                c("a kicker alone is followed by the next sentence, cut", 60, HEADLINE, NONE,
                        "Ouch. The Boston Red Sox lost their third game in a row…", true,
                        "Ouch. The Boston Red Sox lost their third game in a row on Friday night at Fenway Park."),
                c("shouted copy is sentences", 160, HEADLINE, NONE, "NEXT YEAR PHONE MAKERS WILL SELL MORE. THE COUNCIL AGREED.",
                        true, "NEXT YEAR PHONE MAKERS WILL SELL MORE. THE COUNCIL AGREED."),
                c("a cut-off web address is a fragment", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "Motorsport.com. The council voted on Monday."),
                c("a broadcast line is a label, not the opening", 160, HEADLINE, NONE,
                        "Ireland are going for their first Grand Slam since 1948.", true,
                        "Lansdowne Road, Dublin", "BBC1, Radio 4 LW and this website",
                        "Ireland are going for their first Grand Slam since 1948."),
                c("a lead ending in a colon runs on into the quote it introduces", 160, HEADLINE, NONE,
                        "The prime minister told reporters outside Downing Street on Monday: \"We will not back down.\"", true,
                        "The prime minister told reporters outside Downing Street on Monday:", "\"We will not back down.\""),
                c("a label ending in a colon is still a label", 160, HEADLINE, NONE,
                        "A powerful storm hit the coast on Monday.", true,
                        "Key points:", "A powerful storm hit the coast on Monday."),
                c("a colon never runs on past a skipped paragraph into another sentence", 160, HEADLINE, NONE,
                        "The prime minister told reporters outside Downing Street on Monday:", true,
                        "The prime minister told reporters outside Downing Street on Monday:", "By John Smith",
                        "Markets fell sharply in early trading."),
                c("a Khmer lead ends with its full stop", 160, HEADLINE, NONE,
                        "រដ្ឋាភិបាលបានប្រកាសផែនការថ្មី។", true, "រដ្ឋាភិបាលបានប្រកាសផែនការថ្មី។"),
                c("a Hindi lead ends with a danda and is a sentence", 160, HEADLINE, NONE,
                        "सरकार ने नई योजना की घोषणा की। लोग खुश हैं।", true,
                        "सरकार ने नई योजना की घोषणा की।", "लोग खुश हैं।"),
                c("words without a full stop do not run on into the next paragraph", 160, HEADLINE, NONE,
                        "Net users are getting the chance to fight back against spam websites", true,
                        "Net users are getting the chance to fight back against spam websites",
                        "Internet portal Lycos has made a screensaver."),
                c("sentences in a script without case are sentences", 160, HEADLINE, NONE,
                        "قال الرئيس إن المحادثات ستستمر. وأضاف أن الوفد سيعود غدا.", true,
                        "قال الرئيس إن المحادثات ستستمر. وأضاف أن الوفد سيعود غدا."),
                c("Korean sentences are sentences", 160, HEADLINE, NONE, "시장은 월요일에 사임했다. 의회는 투표를 했다.", true,
                        "시장은 월요일에 사임했다. 의회는 투표를 했다."),
                c("a story that is all caption gets its caption", 160, HEADLINE, NONE,
                        "Image: Technicians go over a checklist on Nov. 15, 2004.", true,
                        "Image: Technicians go over a checklist on Nov. 15, 2004."),
                c("never cut inside a name", 72, HEADLINE, NONE, "Millions turned out to vote on whether to force leftist…", true,
                        "Millions turned out to vote on whether to force leftist President Hugo Chavez from office."),
                c("never cut on a word no clause ends on", 24, HEADLINE, NONE, "Gunmen killed…", true,
                        "Gunmen killed at least twelve people in the market on Monday."),
                c("boilerplate skipped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "Advertisement", "Read more: Bridges of the world", "The council voted on Monday."),
                c("caption label skipped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "Photo: Getty", "The council voted on Monday."),
                // entities, markup, whitespace
                c("entities decoded", 160, HEADLINE, NONE, "Fish & chips cost €5 – “too much”.", true,
                        "Fish &amp; chips cost &euro;5 &ndash; &#8220;too much&#x201D;."),
                c("markup stripped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "<p>The <a href=\"/council\">council</a> voted <em>on</em> Monday.</p>"),
                // markup a pattern would miss never reaches a teaser, and decoded text never becomes markup
                c("slash-separated attributes stripped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "The council <img/src=x onerror=alert(1)>voted on Monday.<svg/onload=alert(1)>"),
                c("unclosed tag stripped", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "The council voted on Monday.<img src=x onerror=alert(1) "),
                c("escaped markup in an editor teaser stays text", 160, HEADLINE,
                        "Read this &lt;img/src=x onerror=alert(document.cookie)&gt; now.",
                        "Read this \u2039img/src=x onerror=alert(document.cookie)> now.", false),
                c("a less-than sign that is not markup kept", 160, HEADLINE, NONE, "Profit rose by <5% in a year.", true,
                        "Profit rose by &lt;5% in a year."),
                c("namespaced tags from a Word paste stripped", 160, HEADLINE, "Storm hits coast<o:p></o:p> on Monday.",
                        "Storm hits coast on Monday.", false),
                c("a declaration stripped", 160, HEADLINE, "<!DOCTYPE html>Storm hits coast on Monday.",
                        "Storm hits coast on Monday.", false),
                c("a bare < before a word keeps the rest of the text", 160, HEADLINE, NONE,
                        "Turnout fell as a\u2039b then rose sharply.", true, "Turnout fell as a<b then rose sharply."),
                c("a bracketed name is text, not a tag", 160, HEADLINE, NONE,
                        "The \u2039Guardian reported the vote on Monday.", true, "The <Guardian reported the vote on Monday."),
                c("whitespace normalised", 160, HEADLINE, NONE, "The council voted on Monday.", true,
                        "  The\u00A0council \n\t voted\u200B on  Monday.  "),
                // never just the headline again
                c("headline paragraph skipped", 160, HEADLINE, NONE, "The vote was 7-2.", true,
                        "Council approves new bridge", "The vote was 7-2."),
                c("headline lead-in dropped", 160, HEADLINE, NONE, "The vote was 7-2.", true,
                        "Council approves new bridge: The vote was 7-2."),
                c("paragraph that merely starts like the headline kept", 160, "Storm hits coast", NONE,
                        "Storm hits coastal towns in the north.", true, "Storm hits coastal towns in the north."),
                c("only the headline gives no teaser", 160, HEADLINE, NONE, "", true, "Council approves new bridge."),
                c("no paragraphs gives no teaser", 160, HEADLINE, NONE, "", true),
                // Unicode: surrogate pairs, emoji sequences, combining marks
                c("emoji sequence counts as one", 25, HEADLINE, NONE, "Family day 👨‍👩‍👧‍👦 at the fair.", true,
                        "Family day 👨‍👩‍👧‍👦 at the fair."),
                c("a limit below the minimum is rejected", 6, HEADLINE, NONE, "", true),
                c("combining marks count once", 30, HEADLINE, NONE, "Cafe\u0301 owners cheer the vote.", true,
                        "Cafe\u0301 owners cheer the vote."),
                c("flag emoji kept whole in a cut", 24, HEADLINE, NONE, "Fans wave 🇬🇧 flags…", true,
                        "Fans wave 🇬🇧 flags at the bridge opening ceremony on Monday."),
                c("CJK sentences", 24, "橋の建設を承認", NONE, "市議会は月曜日に新しい橋の建設を承認した。", true,
                        "市議会は月曜日に新しい橋の建設を承認した。工事は春に始まる予定で、三年かかる見込みだ。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldWriteTheExpectedTeaser(String rule, int limit, String headline, String editor, String expected,
                                      boolean machineMade, List<String> paragraphs) {
        if (limit < TeaserLimits.MIN_LIMIT) {
            assertThatThrownBy(() -> new SentenceTeaserWriter(limit)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        Teaser teaser = new SentenceTeaserWriter(limit).write(headline, paragraphs, editor, null);

        assertThat(teaser.text()).isEqualTo(expected);
        assertThat(teaser.machineMade()).isEqualTo(machineMade);
        assertThat(Graphemes.count(teaser.text())).isLessThanOrEqualTo(limit);
    }

    @Test
    void shouldReadADotAfterANumberByTheTextsLanguage() {
        SentenceTeaserWriter writer = new SentenceTeaserWriter(60);
        List<String> english = List.of("Maria is a carer. I am 12. My mother has been ill for three years and cannot walk.");
        List<String> german = List.of("Am 3. Oktober feiert Deutschland. In Berlin wird am Brandenburger Tor gefeiert.");

        // English writes no ordinal with a dot: "12." ends the sentence, so the next one does not fit
        assertThat(writer.write(HEADLINE, english, null, "en").text()).isEqualTo("Maria is a carer. I am 12.");
        assertThat(writer.write(HEADLINE, english, null, "en-gb").text()).isEqualTo("Maria is a carer. I am 12.");
        // a language not known, or one that writes ordinals so, reads "am 12." as German might mean it
        assertThat(writer.write(HEADLINE, english, null, null).text()).isEqualTo("Maria is a carer.");
        assertThat(writer.write(HEADLINE, german, null, "de").text()).isEqualTo("Am 3. Oktober feiert Deutschland.");
        assertThat(writer.write(HEADLINE, german, null, "und").text()).isEqualTo("Am 3. Oktober feiert Deutschland.");
    }

    @Test
    void shouldUseTheChannelLimit() {
        SentenceTeaserWriter writer = new SentenceTeaserWriter(TeaserLimits.parse(160, "app=120, push=40"));
        List<String> body = List.of("The council voted overwhelmingly on Monday evening to build a new bridge across "
                + "the river, ending a decade of argument. Work starts in spring.");

        assertThat(writer.write(HEADLINE, body, null, null).text()).isEqualTo(body.get(0));
        assertThat(writer.forChannel("app").write(HEADLINE, body, null, null).text())
                .isEqualTo("The council voted overwhelmingly on Monday evening to build a new bridge across the river, "
                        + "ending a decade of argument.");
        assertThat(writer.forChannel("push").write(HEADLINE, body, null, null).text())
                .isEqualTo("The council voted overwhelmingly…");
        assertThat(writer.forChannel("app").limit()).isEqualTo(120);
        assertThat(writer.forChannel("web").limit()).isEqualTo(160);
    }

    @Test
    void shouldRejectAMalformedLimitOverride() {
        assertThatThrownBy(() -> TeaserLimits.parse(160, "app=short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app=short");
        assertThatThrownBy(() -> TeaserLimits.parse(160, "push"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel=limit");
    }

    @Test
    void shouldCutAChineseSentenceAfterAClauseMarkNotOnAParticle() {
        String clause = "中国人民银行宣布下调金融机构存款准备金率，";
        String lead = clause.repeat(6) + "此举旨在保持流动性合理充裕，同时也有利于促进消费和投资的稳定增长。";

        String teaser = new SentenceTeaserWriter(100).write(HEADLINE, List.of(lead), null, null).text();

        // after the last full-width comma that keeps half the limit, the comma itself left out
        assertThat(teaser).isEqualTo(clause.repeat(4).substring(0, clause.length() * 4 - 1) + "…");
    }

    @Test
    void shouldBoundATeaserInCharactersTooWhenOneCharacterHasThousandsOfMarks() {
        // one user-perceived character: "a" and 100,000 combining marks; as one grapheme it fit any limit whole
        String zalgo = "a" + "\u20d0".repeat(100_000);

        Teaser teaser = new SentenceTeaserWriter(160).write(HEADLINE, List.of(zalgo), null, null);

        assertThat(teaser.text()).hasSize(160 * SentenceTeaserWriter.MAX_CHARS_PER_GRAPHEME).startsWith("a\u20d0").endsWith("…");
    }

    @Test
    void shouldNeverSplitASurrogatePairWhenAWordIsLongerThanTheLimit() {
        String longRun = "Super" + "🎉".repeat(40);

        String text = new SentenceTeaserWriter(20).write(HEADLINE, List.of(longRun), null, null).text();

        assertThat(text).isEqualTo("Super" + "🎉".repeat(14) + "…");
    }

    @Test
    void shouldBeatAFixedHundredCharacterCutOnEveryLongLead() {
        SentenceTeaserWriter writer = new SentenceTeaserWriter(100);
        List<String> leads = List.of(
                "The striker, who joined the club last summer, was hospitalised with a stomach infection and is unlikely to play on Saturday.",
                "Inflation in the euro zone fell to 2.1 percent in May, its lowest level since 2021, giving the central bank room to cut rates.",
                "Rescue teams worked through the night to reach villagers cut off by the floods, which have destroyed roads and bridges in the region.");
        for (String lead : leads) {
            String text = writer.write("Headline", List.of(lead), null, null).text();
            String lastWord = text.substring(text.lastIndexOf(' ') + 1).replace("…", "");

            assertThat(text).endsWith("…");
            assertThat(lead).containsPattern(Pattern.quote(lastWord) + "[^\\p{L}\\p{N}]");
            assertThat(Abbreviations.isStopWord(lastWord)).as(text).isFalse();
        }
    }

    private static Arguments c(String rule, int limit, String headline, String editor, String expected,
                               boolean machineMade, String... paragraphs) {
        return Arguments.of(rule, limit, headline, editor, expected, machineMade, Arrays.asList(paragraphs));
    }
}
