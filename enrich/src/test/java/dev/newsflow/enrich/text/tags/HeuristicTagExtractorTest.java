package dev.newsflow.enrich.text.tags;

import dev.newsflow.enrich.text.ArticleTag;
import dev.newsflow.enrich.text.ArticleTag.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HeuristicTagExtractorTest {

    private static final String HEADLINE = "Bank of England raises interest rates again";
    private static final List<String> RATES_STORY = List.of(
            "LONDON (Reuters) - The Bank of England raised interest rates on Thursday, and Governor Andrew Bailey "
                    + "said inflation in Britain was still too high.",
            "Bailey told reporters that the central bank would watch wage growth closely. The European Union and "
                    + "the EU's finance ministers welcomed the decision.",
            "Prime Minister Keir Starmer's government said interest rates were a matter for the Bank. Critics in "
                    + "Manchester said mortgage costs would rise again.",
            "Officials at the Office for National Statistics said interest rates and mortgage costs had doubled "
                    + "since 2022.");

    private final HeuristicTagExtractor extractor = new HeuristicTagExtractor();

    @Test
    void shouldTagPeopleOrganisationsPlacesAndPhrases() {
        List<ArticleTag> tags = extractor.extract(HEADLINE, RATES_STORY, "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Bank of England", Kind.ORGANISATION),
                tuple("Andrew Bailey", Kind.PERSON),
                tuple("Keir Starmer", Kind.PERSON),
                tuple("Britain", Kind.PLACE),
                tuple("Manchester", Kind.PLACE),
                tuple("Office for National Statistics", Kind.ORGANISATION),
                tuple("interest rates", Kind.PHRASE));
    }

    @Test
    void shouldRankTheHeadlineSubjectsFirst() {
        List<ArticleTag> tags = extractor.extract(HEADLINE, RATES_STORY, "en");

        assertThat(tags.subList(0, 2)).extracting(ArticleTag::name)
                .containsExactlyInAnyOrder("Bank of England", "interest rates");
        assertThat(tags.get(0).score()).isEqualTo(1.0);
        assertThat(tags).extracting(ArticleTag::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void shouldMergeASurnameAndAPossessiveIntoTheFullName() {
        List<ArticleTag> tags = extractor.extract(HEADLINE, RATES_STORY, "en");

        assertThat(tags).extracting(ArticleTag::name)
                .doesNotContain("Bailey", "Starmer", "Keir Starmer's", "Bank", "bank");
    }

    @Test
    void shouldNotTagATimeZoneOrAPressReleasesLastLine() {
        List<ArticleTag> tags = extractor.extract("Rocket launch delayed", List.of("The launch, set for 18:45 GMT on"
                + " Friday, was delayed by a fuel leak, the European Space Agency said.", "A new date will be set at 09:00"
                + " UTC.", "ENDS"), "en");

        assertThat(tags).extracting(ArticleTag::name).doesNotContain("GMT", "UTC", "ENDS").contains("European Space Agency");
    }

    @Test
    void shouldMergeAnAcronymIntoTheNameItAbbreviates() {
        List<ArticleTag> tags = extractor.extract(HEADLINE, RATES_STORY, "en");

        assertThat(tags).extracting(ArticleTag::name).contains("European Union").doesNotContain("EU");
    }

    @Test
    void shouldLeaveOutTheDatelineAndWordsCapitalisedOnlyAtTheStartOfASentence() {
        List<ArticleTag> tags = extractor.extract(HEADLINE, RATES_STORY, "en");

        assertThat(tags).extracting(ArticleTag::name)
                .doesNotContain("Reuters", "London", "LONDON", "Officials", "Critics", "The");
    }

    @Test
    void shouldReadAnAbbreviationWithADotAsPartOfTheName() {
        List<ArticleTag> tags = extractor.extract("Longest waits on record",
                List.of("Patients at St. Aldric's Hospital waited longer than ever, and climbers on Mt. Kenya were "
                        + "stranded. St. Aldric's said it had hired nurses."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("St Aldric", "Mt Kenya").doesNotContain("St", "Mt");
    }

    @Test
    void shouldNotJoinANameToTheDayOrMonthAfterIt() {
        List<ArticleTag> tags = extractor.extract("Convoy ambushed on Kandar highway",
                List.of("Gunmen ambushed a convoy north of Kandar on Saturday. Talks in Kandar on Monday failed, "
                        + "and Kandar officials met the Bank of England on Tuesday. A vote is due on Dec. 3, despite "
                        + "the former governor's objections, and a second on Dec. 10."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Kandar", "Bank of England")
                .noneMatch(name -> name.contains("Saturday") || name.contains("Monday") || name.contains("Tuesday"))
                .doesNotContain("Dec", "despite", "former");
    }

    @Test
    void shouldKnowAPersonByATitleAndAnOrganisationByItsSuffix() {
        List<ArticleTag> tags = extractor.extract("Merger talks",
                List.of("Shares rose after Dr. Maria Okafor said Novatek Holdings would buy a stake in "
                        + "Brightwater Ltd from the Ministry of Energy."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Maria Okafor", Kind.PERSON),
                tuple("Novatek Holdings", Kind.ORGANISATION),
                tuple("Brightwater Ltd", Kind.ORGANISATION),
                tuple("Ministry of Energy", Kind.ORGANISATION));
    }

    @Test
    void shouldReturnAtMostTenTagsWithScoresBetweenZeroAndOne() {
        List<String> crowded = new ArrayList<>();
        String[] cities = {"Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Athens", "Oslo",
                "Dublin", "Lisbon", "Helsinki"};
        for (String city : cities) {
            crowded.add("Delegates from " + city + " met in " + city + " about the summit.");
        }

        List<ArticleTag> tags = extractor.extract("Rail freight summit", crowded, "en");

        assertThat(tags).hasSize(HeuristicTagExtractor.MAX_TAGS);
        assertThat(tags).allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
        assertThat(tags).extracting(ArticleTag::name).doesNotHaveDuplicates().contains("Paris", "Berlin");
    }

    @Test
    void shouldLeaveOutNamesMentionedOnceInPassingBesideTheStorysSubjects() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            paragraphs.add("Anna Berg told the Nordic Council that rail freight must grow.");
        }
        paragraphs.add("The meeting was held near Oslo.");

        List<ArticleTag> tags = extractor.extract("Rail freight summit", paragraphs, "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Anna Berg", "Nordic Council", "rail freight")
                .doesNotContain("Oslo");
    }

    @Test
    void shouldNotTagVerbsAdjectivesGenericWordsOrContractions() {
        List<ArticleTag> tags = extractor.extract("Harbour City beat Redmoor to reach the final",
                List.of("Harbour City beat Redmoor Athletic in the final. Redmoor went ahead early and played well, "
                                + "but the best chances fell to Harbour City, who won the match.",
                        "\"We don't give up,\" said the coach. Harbour City beat them last season too, and the "
                                + "final went to penalties; the company that owns the club went quiet."),
                "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Harbour City", "Redmoor Athletic")
                .doesNotContain("beat", "final", "went", "played", "best", "fell", "don't", "season", "company");
    }

    @Test
    void shouldTagThePeopleAndPlacesNotTheirNationality() {
        List<ArticleTag> tags = extractor.extract("Chilean drama wins festival prize",
                List.of("The Chilean drama won the prize. French President Emmanuel Macron praised the Chilean director.",
                        "The French-Belgian co-production came second; the French-Belgian team was pleased.",
                        "Emmanuel Macron said the Chilean film was moving."),
                "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Emmanuel Macron")
                .doesNotContain("Chilean", "French President Emmanuel Macron", "French", "French-Belgian");
    }

    @Test
    void shouldKeepJoinedAndPossessiveNamesWhole() {
        List<ArticleTag> tags = extractor.extract("Marlow & Finch to close stores",
                List.of("Marlow & Finch said on Thursday it would close stores. Chief Executive Rachel Denholm said "
                                + "trading was hard. Patients at St. Aldric's Hospital waited. AT&T was not involved.",
                        "Marlow & Finch shares fell. Adds Redmoor comment. St. Aldric's Hospital said Dr. Naomi Clarke "
                                + "would speak. Rachel Denholm spoke."),
                "en");

        assertThat(tags).extracting(ArticleTag::name)
                .contains("Marlow & Finch", "Rachel Denholm", "St Aldric's Hospital", "Naomi Clarke")
                .doesNotContain("Finch", "Chief Executive Rachel Denholm", "Adds Redmoor", "Dr", "Hospital");
    }

    @Test
    void shouldReturnNoTagsForNoText() {
        assertThat(extractor.extract("", List.of(), "en")).isEmpty();
        assertThat(extractor.extract(null, null, null)).isEmpty();
    }

    @Test
    void shouldKeepALeadingNewInANameButNotAnAdjectiveOpeningASentence() {
        List<ArticleTag> tags = extractor.extract("Storm hits coast", List.of(
                "Officials in New Zealand and staff at New Line Cinema said the storm had passed. New Zealand police "
                        + "agreed. New Chelsea manager Marco Rossi said little."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("New Zealand", "New Line Cinema")
                .doesNotContain("Zealand", "Line Cinema", "New Chelsea");
    }

    @Test
    void shouldKeepCodesInCapitalsAsWritten() {
        List<ArticleTag> tags = extractor.extract("PS4 sales rise", List.of(
                "Sony said PS4 sales rose, and the AFL-CIO said workers at the PS4 plant would strike."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("PS4").doesNotContain("Ps4", "Afl-cio");
    }

    @Test
    void shouldCallARunOfCapitalisedWordsAPersonOnlyWithAFirstNameOrALaterMentionByLastName() {
        List<ArticleTag> tags = extractor.extract("Grocers and tennis", List.of(
                "Whole Foods opened a store next to the Academy Awards venue, and Roger Federer and Marat Safin "
                        + "watched Hurricane Mitch coverage there. Ice Creams Galore closed.",
                "Safin said the store was busy. Whole Foods said sales rose. Mitch was a storm. Ice Creams Galore "
                        + "and Whole Foods did not comment."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Roger Federer", Kind.PERSON),   // a first name
                tuple("Marat Safin", Kind.PERSON),     // no first name we know, but "Safin said"
                tuple("Whole Foods", Kind.PHRASE),     // neither: no kind guessed
                tuple("Ice Creams Galore", Kind.PHRASE));
        assertThat(tags).filteredOn(t -> t.name().equals("Academy Awards") || t.name().equals("Hurricane Mitch"))
                .extracting(ArticleTag::kind).doesNotContain(Kind.PERSON);
    }

    @Test
    void shouldSplitAnAffiliationAndARoleFromThePersonAfterThem() {
        List<ArticleTag> tags = extractor.extract("Bosses speak", List.of(
                "Facebook CEO Mark Zuckerberg and Chelsea Manager Jose Mourinho met Industry Secretary Patricia "
                        + "Hewitt. Referee Graham Poll and American Robby Ginepri watched. General Motors and the "
                        + "Attorney General stayed away. Zuckerberg, Mourinho, Poll and Ginepri left with Hewitt."),
                "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Mark Zuckerberg", Kind.PERSON),
                tuple("Jose Mourinho", Kind.PERSON),
                tuple("Patricia Hewitt", Kind.PERSON),
                tuple("Graham Poll", Kind.PERSON),
                tuple("Robby Ginepri", Kind.PERSON),
                tuple("General Motors", Kind.ORGANISATION));
        assertThat(tags).extracting(ArticleTag::name).contains("Chelsea").doesNotContain(
                "Facebook CEO Mark Zuckerberg", "Industry", "Referee Graham Poll", "American Robby Ginepri", "Motors",
                "General");
    }

    @Test
    void shouldTagNothingInsideAWebAddressOrALeftoverEntityName() {
        List<ArticleTag> tags = extractor.extract("Google profits double", List.of(
                "Web search leader Google Inc. <A HREF=\"http://www.investor.reuters.com/FullQuote.aspx?ticker=GOOG.O\" "
                        + "target=/stocks/quickinfo/fullquote\">GOOG.O</A> posted "
                        + "profits that doubled, see www.example.com/Results for the quot;full quot; figures. Google "
                        + "said http://www.investor.reuters.com/FullQuote.aspx quot;profits quot; rose."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Google Inc")
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT)
                        .matches(".*(http|fullquote|quickinfo|stocks|target|href|www|results|quot).*"));
    }

    @Test
    void shouldNotLetARoleOrATitleInsideANameMakeAPerson() {
        List<ArticleTag> tags = extractor.extract("Oil and tennis", List.of(
                "Top producer Saudi Arabia raised output as the Producer Price Index rose. Fans at Notre Dame "
                        + "Cathedral watched the Billie Jean King Cup on Martin Luther King Day, and Major League "
                        + "Baseball and Sky Sports reported it. Mrs Court said the Cathedral was full.",
                "Saudi Arabia, the Producer Price Index, Notre Dame Cathedral, the Billie Jean King Cup, Major League "
                        + "Baseball and Sky Sports were in the news again."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Saudi Arabia", Kind.PLACE),
                tuple("Court", Kind.PERSON)); // "Mrs" is a title, whatever the word after it means
        assertThat(tags).filteredOn(t -> t.kind() == Kind.PERSON).extracting(ArticleTag::name)
                .containsExactly("Court");
        assertThat(tags).extracting(ArticleTag::name).contains("Notre Dame Cathedral", "Billie Jean King Cup")
                .doesNotContain("Cathedral", "Cup", "Day", "Price Index");
    }

    @Test
    void shouldKnowFirstNamesWithAccentsAndKeepABodyBeforeAPortfolio() {
        List<ArticleTag> tags = extractor.extract("Talks in Geneva", List.of(
                "UN Secretary General António Guterres met José Mourinho. Defiant Matt Williams said little.",
                "The UN and Mourinho agreed; Williams did not."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("António Guterres", Kind.PERSON),
                tuple("José Mourinho", Kind.PERSON),
                tuple("Matt Williams", Kind.PERSON), // a sentence's first word before a first name is left out
                tuple("UN", Kind.ORGANISATION));
        assertThat(tags).extracting(ArticleTag::name).doesNotContain("Defiant Matt Williams", "Secretary");
    }

    @Test
    void shouldSplitATitledPersonWithoutAKnownFirstNameButKeepBodiesNamedAfterPeople() {
        List<ArticleTag> tags = extractor.extract("Carmakers and hospitals", List.of(
                "Tesla CEO Elon Musk visited Queen Elizabeth Hospital, where market leader Coca Cola and Earl Spencer "
                        + "gave money. Christian Horner was there.",
                "Musk said Queen Elizabeth Hospital, Coca Cola, Spencer and Horner would be back."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Elon Musk", Kind.PERSON),       // after a title, no known first name needed
                tuple("Queen Elizabeth Hospital", Kind.ORGANISATION),
                tuple("Spencer", Kind.PERSON),         // "Earl" is a title
                tuple("Christian Horner", Kind.PERSON));
        assertThat(tags).filteredOn(t -> t.name().equals("Coca Cola")).extracting(ArticleTag::kind)
                .doesNotContain(Kind.PERSON);          // a role before a company makes no person
        assertThat(tags).extracting(ArticleTag::name).doesNotContain("Tesla CEO Elon Musk", "Elizabeth Hospital");
    }

    @Test
    void shouldKnowGivenNamesOutsideTheEnglishListsInAOneSentenceItem() {
        List<ArticleTag> tags = extractor.extract("Wire", List.of(
                "Donald Trump met Thierry Henry and Kamala Harris while Whole Foods and Academy Awards staff watched."),
                "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Donald Trump", Kind.PERSON), tuple("Thierry Henry", Kind.PERSON), tuple("Kamala Harris", Kind.PERSON),
                tuple("Whole Foods", Kind.PHRASE), tuple("Academy Awards", Kind.PHRASE));
    }

    @Test
    void shouldNotTakeAPlaceOrAFirmOfBrothersForAPerson() {
        List<ArticleTag> tags = extractor.extract("Wire", List.of(
                "Fans in San Diego and Santa Clara watched as Lehman Brothers and Rio Tinto shares fell; see:www.example.com"
                        + " for more."), "en");

        assertThat(tags).filteredOn(t -> t.kind() == Kind.PERSON).isEmpty();
        assertThat(tags).extracting(ArticleTag::name).noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT)
                .matches(".*(www|example|com).*"));
    }

    @Test
    void shouldKeepAMiddleInitialInsideTheName() {
        List<ArticleTag> tags = extractor.extract("George W. Bush visits Texas", List.of(
                "President George W. Bush met Michael J. Fox and Charles E. Peters Jr in Austin. Bush said the talks "
                        + "went well.",
                "Fox said he would come back. The plan B. Smith drew up was shelved. Spike Lee made Malcolm X. Attallah"
                        + " Shabazz, his daughter, spoke, and Malcolm X was remembered at the Robert H. Smith School of"
                        + " Business, the John F. Kennedy Space Center and the George W. Bush Presidential Library."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("George W. Bush", Kind.PERSON), tuple("Michael J. Fox", Kind.PERSON),
                tuple("Charles E. Peters Jr", Kind.PERSON)); // an initial does not count against a name's length
        assertThat(tags).extracting(ArticleTag::name).doesNotContain("George W", "Michael J", "Bush", "Fox")
                .noneMatch(name -> name.startsWith("Malcolm X. ")) // a sentence that ends on "X." before another name
                .doesNotContain("Robert H", "John F", "George W"); // but "Robert H. Smith School" names a body
        // the headline's "George W. Bush" is the same name: it ranks first
        assertThat(tags.get(0).name()).isEqualTo("George W. Bush");
    }

    @Test
    void shouldReadATitleOfTwoWordsAndAnOfficeAsNoPerson() {
        List<ArticleTag> tags = extractor.extract("Wire", List.of(
                "UN Secretary General Kofi Annan and Attorney General John Ashcroft spoke, and the Justice Department "
                        + "said Mr Church would testify. Annan and Ashcroft left."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Kofi Annan", Kind.PERSON), tuple("John Ashcroft", Kind.PERSON),
                tuple("Justice Department", Kind.ORGANISATION), tuple("Church", Kind.PERSON));
        assertThat(tags).extracting(ArticleTag::name).doesNotContain("General Kofi Annan", "Department");
    }

    @Test
    void shouldNotTakeAVenueTeamOrPaperNamedLikeAPersonForOne() {
        List<ArticleTag> tags = extractor.extract("Wire", List.of(
                "Fans left Busch Stadium for the Rose Bowl while Virginia Tech and Man Utd played; the Christian Science"
                        + " Monitor said Blu-ray Disc sales rose. Stadium officials and Monitor staff agreed."), "en");

        assertThat(tags).filteredOn(t -> t.kind() == Kind.PERSON).isEmpty();
    }

    @Test
    void shouldKeepAFunctionWordThatOpensANameAndLeaveOutStockCodes() {
        List<ArticleTag> tags = extractor.extract("Wire", List.of(
                "Fans in Los Angeles watched the All Blacks beat Wales in the Six Nations, Al Jazeera said. Shares of"
                        + " Microsoft Corp. MSFT.O and Oracle <ORCL.O> rose in Las Vegas. All Labour MPs voted."
                        + " British Prime Minister Tony Blair spoke."), "en");
        List<ArticleTag> acronyms = extractor.extract("Wire", List.of("The U.S. and the U.N. agreed on Monday."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Los Angeles", "All Blacks", "Six Nations", "Al Jazeera",
                "Las Vegas", "Tony Blair").doesNotContain("Angeles", "Blacks", "Nations", "Jazeera", "Vegas", "MSFTO", "ORCLO",
                "All Labour MPs");
        assertThat(acronyms).extracting(ArticleTag::name).contains("US", "UN"); // not stock codes
    }

    @Test
    void shouldTagOnlyRecognisedOrLongerNamesInAnotherLanguage() {
        List<ArticleTag> german = extractor.extract("Neues Gesetz", List.of("Am Mittwoch hat der Bundestag in Berlin"
                + " ein neues Gesetz beschlossen. Angela Merkel sagte, das Gesetz sei ein Erfolg."), "de");
        List<ArticleTag> spanish = extractor.extract("Real Madrid", List.of("Tras vencer al Barcelona, el Real Madrid"
                + " celebra en Madrid. El club quiere vencer otra vez tras la victoria."), "es");

        assertThat(german).extracting(ArticleTag::name).contains("Berlin", "Angela Merkel", "Bundestag")
                .doesNotContain("Mittwoch", "Gesetz", "Am Mittwoch");
        assertThat(spanish).extracting(ArticleTag::name).contains("Real Madrid", "Madrid")
                .doesNotContain("tras", "vencer", "Tras");
    }

    @Test
    void shouldWriteAShoutedPlaceAsANameAndNoNationalityOrTeamAsAPersonOrPlace() {
        List<ArticleTag> tags = extractor.extract("Wire", List.of("Shares rose in NEW YORK and in PARIS on Monday, and"
                + " the Red Sox won, the Lib Dems said. Investors in British banks were calm."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("New York", "Paris").doesNotContain("NEW YORK", "British");
        assertThat(tags).filteredOn(t -> t.kind() == Kind.PERSON).isEmpty();
        assertThat(HeuristicTagExtractor.unshouted("UAE")).isEqualTo("UAE");
        assertThat(HeuristicTagExtractor.unshouted("GUINEA-BISSAU")).isEqualTo("Guinea-Bissau");
    }

    @Test
    void shouldKnowFirmsAndTeamsNamedLikePeople() {
        List<ArticleTag> tags = extractor.extract("Banks advise on bid", List.of("Merrill Lynch and Morgan Stanley"
                + " advised Freddie Mac on the deal. Aston Villa and the Orlando Magic were not involved, said Marks and"
                + " Spencer. David Lynch and Bernie Mac watched. Lynch said the film was fine; Mac agreed."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("Merrill Lynch", Kind.ORGANISATION), tuple("Morgan Stanley", Kind.ORGANISATION),
                tuple("Freddie Mac", Kind.ORGANISATION), tuple("Aston Villa", Kind.ORGANISATION),
                tuple("David Lynch", Kind.PERSON), tuple("Bernie Mac", Kind.PERSON));
        assertThat(tags).filteredOn(t -> t.kind() == Kind.PERSON).extracting(ArticleTag::name)
                .doesNotContain("Merrill Lynch", "Morgan Stanley", "Freddie Mac", "Aston Villa", "Orlando Magic");
    }

    @Test
    void shouldTagTheNameInACompoundAdjectiveNotTheAdjective() {
        List<ArticleTag> tags = extractor.extract("Airline deal", List.of("Houston-based Continental Airlines and the"
                + " Qatar-based Al-Jazeera network spoke to an Al Qaeda-linked group. The US-led coalition agreed."
                + " Continental Airlines said Al-Jazeera and Al Qaeda were named."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Continental Airlines", "Al-Jazeera", "Al Qaeda")
                .noneMatch(name -> name.contains("-based") || name.contains("-linked") || name.contains("-led"));
    }

    @Test
    void shouldTagThePersonAfterAnOfficeOfSeveralWords() {
        List<ArticleTag> tags = extractor.extract("Talks", List.of("US Secretary of State Colin Powell met UN"
                + " Secretary-General Kofi Annan and Deputy Prime Minister John Prescott. The Director of Public"
                + " Prosecutions and the Secretary of State for Health said nothing. Secretary of State Colin L. Powell"
                + " left. Commission President Jose Manuel Barroso and US Deputy Secretary of State Richard Armitage"
                + " agreed."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("Jose Manuel Barroso", "Richard Armitage")
                .doesNotContain("Manuel Barroso", "US Deputy");
        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(tuple("Colin Powell", Kind.PERSON),
                tuple("Kofi Annan", Kind.PERSON), tuple("John Prescott", Kind.PERSON));
        // the office is no part of the person's tag (an office alone may still be a phrase: "Director of Public
        // Prosecutions")
        assertThat(tags).extracting(ArticleTag::name).noneMatch(name -> (name.contains("Secretary")
                || name.contains("Minister")) && (name.contains("Powell") || name.contains("Annan")
                || name.contains("Prescott")));
    }

    @Test
    void shouldKeepTheArabicArticleInLowerCaseWithTheName() {
        List<ArticleTag> tags = extractor.extract("Raids", List.of("Officials linked the cell to al Qaeda and to the"
                + " network of Abu Musab al Zarqawi. Al Gore said al Qaeda was weakened."), "en");

        assertThat(tags).extracting(ArticleTag::name).contains("al Qaeda", "Abu Musab al Zarqawi")
                .doesNotContain("Qaeda");
    }

    @Test
    void shouldTellAVenueNamedAfterASurnameFromAPersonWithThatSurname() {
        List<ArticleTag> tags = extractor.extract("Rams win at John F. Coughlin Field", List.of(
                "The Rams played at John F. Coughlin Field and later at Carnegie Hall. Frank Field and Monty Hall"
                        + " watched. Field said it was a fine game; Hall agreed."), "en");

        assertThat(tags).extracting(ArticleTag::name, ArticleTag::kind).contains(
                tuple("John F. Coughlin Field", Kind.PLACE), tuple("Carnegie Hall", Kind.PLACE),
                tuple("Frank Field", Kind.PERSON), tuple("Monty Hall", Kind.PERSON));
        assertThat(tags).extracting(ArticleTag::name).doesNotContain("John F", "Coughlin Field");
    }
}
