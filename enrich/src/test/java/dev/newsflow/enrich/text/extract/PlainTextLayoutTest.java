package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.TextBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain text's paragraphs and lists are where its writer put them, however its lines are broken. */
class PlainTextLayoutTest {

    private static final String STORY_1 = "The city council voted on Tuesday to expand the tram network to the northern "
            + "suburbs, a project that has been debated for more than a decade and will cost an estimated 1.2 billion.";
    private static final String STORY_2 = "Construction is expected to begin next spring, and the first trams could run "
            + "by 2029, according to the transport department, which said the line would carry 40,000 people a day.";
    private static final String STORY_3 = "Opponents said the money would be better spent on buses.";

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void shouldReadOneParagraphPerLine() {
        ExtractedArticle article = extractor.extract(STORY_1 + "\n" + STORY_2 + "\n" + STORY_3 + "\n", false);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2, STORY_3);
        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>" + STORY_2 + "</p><p>" + STORY_3 + "</p>");
    }

    @Test
    void shouldJoinHardWrappedChineseAndJapaneseAndKeepTheirParagraphs() {
        String p1 = "中国人民银行5日宣布，自3月15日起下调金融机构存款准备金率0.5个百分点，此次降准将释放长期资金约1万亿元。"
                + "央行有关负责人表示，此举旨在保持流动性合理充裕，支持实体经济发展，降低社会综合融资成本。";
        String p2 = "分析人士认为，降准有助于降低银行资金成本，进而推动贷款利率下行，对稳定市场预期具有积极作用。";
        // wrapped by characters (20, 35, 40 a line) or by display columns (a Chinese character is two)
        for (int chars : new int[]{20, 35, 40, 45}) {
            String body = wrapChars(p1, chars) + "\n" + wrapChars(p2, chars);
            assertThat(extractor.extract(body, false).paragraphs()).as("%d characters a line", chars)
                    .containsExactly(p1, p2);
        }
        String ja = "日本銀行は19日、金融政策決定会合で短期金利の誘導目標を0.25%程度に据え置くことを決めた。"
                + "植田和男総裁は記者会見で、物価の動向を慎重に見極める考えを示した。";
        assertThat(extractor.extract(wrapChars(ja, 38) + "\n\n市場では年内の追加利上げを予想する声が多い。", false)
                .paragraphs()).containsExactly(ja, "市場では年内の追加利上げを予想する声が多い。");
        // a short heading line stays its own paragraph
        assertThat(extractor.extract("经济要闻\n" + wrapChars(p2, 20), false).paragraphs()).containsExactly("经济要闻", p2);
        // and so does a longer one before paragraphs a line each (no wrapper: they are too long)
        String heading = "央行宣布下调存款准备金率零点五个百分点";
        assertThat(extractor.extract(heading + "\n" + p1 + "\n" + p2, false).paragraphs()).containsExactly(heading, p1, p2);
    }

    private static String wrapChars(String text, int chars) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += chars) {
            out.append(text, i, Math.min(text.length(), i + chars)).append('\n');
        }
        return out.toString().strip();
    }

    @Test
    void shouldReadShortLinesAsTheirOwnParagraphs() {
        assertThat(extractor.extract("Was it worth it?\nYes.\nWould he do it again?\nNo.", false).paragraphs())
                .containsExactly("Was it worth it?", "Yes.", "Would he do it again?", "No.");
    }

    @Test
    void shouldJoinHardWrappedLinesAndSplitWhereAParagraphEnded() {
        for (int width : new int[]{50, 59, 69, 72, 80}) {
            String text = wrap(STORY_1, width) + "\n" + wrap(STORY_2, width) + "\n" + wrap(STORY_3, width);

            assertThat(extractor.extract(text, false).paragraphs()).as("wrapped at %d", width)
                    .containsExactly(STORY_1, STORY_2, STORY_3);
        }
    }

    @Test
    void shouldJoinAParagraphWhoseLastWrappedLineIsFullWithTheNextWhenNothingElseTellsThemApart() {
        // at 60 columns the first paragraph's last line holds 58 characters: "Construction" would not have fitted, so
        // the break may be the wrapper's; without a blank line or an indent nobody can tell, and joining loses no word
        String text = wrap(STORY_1, 60) + "\n" + wrap(STORY_2, 60);

        assertThat(extractor.extract(text, false).paragraphs()).containsExactly(STORY_1 + " " + STORY_2);
        assertThat(extractor.extract(wrap(STORY_1, 60) + "\n  " + wrap(STORY_2, 60), false).paragraphs())
                .containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldStartAParagraphAtAnIndentedLineOfWrappedText() {
        // the first paragraph's last line is full: only the indent says a new one starts
        String first = "The council voted on Tuesday to expand the tram network to the north.";
        String text = wrap(first + " " + first, first.length()) + "\n    " + wrap(STORY_2, first.length());

        assertThat(extractor.extract(text, false).paragraphs()).containsExactly(first + " " + first, STORY_2);
    }

    @Test
    void shouldKeepASentenceThatGoesOnOverALineBreakInOneParagraph() {
        String text = STORY_1 + "\nConstruction is expected to begin next spring,\nAnd the first trams could run by"
                + " 2029.\nThe mayor, who backed the plan for years,\nsaid it was a great day.";

        assertThat(extractor.extract(text, false).paragraphs()).containsExactly(STORY_1,
                "Construction is expected to begin next spring, And the first trams could run by 2029.",
                "The mayor, who backed the plan for years, said it was a great day.");
    }

    @Test
    void shouldReadBulletLinesAsAList() {
        // as BBC News writes them: a space before the dash and after the item
        String text = STORY_1 + "\n\nThe plan includes:\n - Increased spending on trams to 1.2bn \n - New bus lanes on"
                + " the ring road \n\n" + STORY_3;

        ExtractedArticle article = extractor.extract(text, false);

        assertThat(article.paragraphs()).containsExactly(STORY_1, "The plan includes:",
                "Increased spending on trams to 1.2bn", "New bus lanes on the ring road", STORY_3);
        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>The plan includes:</p>"
                + "<ul><li>Increased spending on trams to 1.2bn</li><li>New bus lanes on the ring road</li></ul>"
                + "<p>" + STORY_3 + "</p>");
        assertThat(article.blocks()).extracting(TextBlock::kind).containsExactly(TextBlock.Kind.PARAGRAPH,
                TextBlock.Kind.PARAGRAPH, TextBlock.Kind.BULLET, TextBlock.Kind.BULLET, TextBlock.Kind.PARAGRAPH);
    }

    @Test
    void shouldReadItemsSeparatedByBlankLinesAndWrappedItemsAsOneList() {
        String text = "Who pays:\n\n* The city, which raises 400m from\n  a new parking levy\n\n* The state\n\n"
                + STORY_3;

        assertThat(extractor.extract(text, false).bodyHtml()).isEqualTo("<p>Who pays:</p><ul><li>The city, which"
                + " raises 400m from a new parking levy</li><li>The state</li></ul><p>" + STORY_3 + "</p>");
    }

    @Test
    void shouldKeepNumberedLinesAsParagraphsWithTheirNumbers() {
        // a number at a line's start is often the text's: a date, a club's name, a rank with ties
        assertThat(extractor.extract("Next steps:\n1. Planning consent\n2. Tenders\n3. Construction", false)
                .bodyHtml()).isEqualTo("<p>Next steps:</p><p>1. Planning consent</p><p>2. Tenders</p><p>3. Construction</p>");
        assertThat(extractor.extract("Die wichtigsten Termine:\n3. Oktober: Tag der Deutschen Einheit\n4. Oktober:"
                + " Konzert im Park", false).paragraphs()).containsExactly("Die wichtigsten Termine:",
                "3. Oktober: Tag der Deutschen Einheit", "4. Oktober: Konzert im Park");
        assertThat(extractor.extract("Ergebnisse:\n1. FC Köln - Hertha BSC 2:0\n(2) Bochum - Kiel 1:1", false)
                .paragraphs()).containsExactly("Ergebnisse:", "1. FC Köln - Hertha BSC 2:0", "(2) Bochum - Kiel 1:1");
    }

    @Test
    void shouldLeaveLinesThatOnlyLookLikeListItemsAsWritten() {
        // one dash alone, numbers that do not count up by one, a year, two different bullets
        assertThat(extractor.extract(STORY_1 + "\n- and that was that.", false).paragraphs())
                .containsExactly(STORY_1, "- and that was that.");
        assertThat(extractor.extract("2004. The year the trams came back.\n2005. The year they left.", false)
                .paragraphs()).containsExactly("2004. The year the trams came back.", "2005. The year they left.");
        // dialogue dashes (French, Spanish, Russian interviews) are not bullets
        assertThat(extractor.extract("\u2013 Êtes-vous candidat ?\n\u2013 Non, pas cette fois.", false).paragraphs())
                .containsExactly("\u2013 Êtes-vous candidat ?", "\u2013 Non, pas cette fois.");
        assertThat(extractor.extract("- Trams\n* Buses", false).blocks()).extracting(TextBlock::kind)
                .containsOnly(TextBlock.Kind.PARAGRAPH);
    }

    @Test
    void shouldStillTakeTheBylineAndDropChromeLines() {
        ExtractedArticle article = extractor.extract("By Jane Doe\n" + STORY_1 + "\nShare this article\n" + STORY_2,
                false);

        assertThat(article.byline()).isEqualTo("Jane Doe");
        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldKeepEveryWordOfTheTextInTheBody() {
        String text = "Intro line\n - one \n - two\n1. three\n2) four\n\n" + wrap(STORY_2, 50) + "\n" + wrap(STORY_3, 50);

        ExtractedArticle article = extractor.extract(text, false);

        assertThat(String.join(" ", article.paragraphs()).split(" ")).containsExactly(
                ("Intro line one two 1. three 2) four " + STORY_2 + " " + STORY_3).split(" "));
    }

    @Test
    void shouldMeasureEachBlocksWrapWidthSoALongLineElsewhereChangesNothing() {
        String text = wrap(STORY_1, 72) + "\n\nFull report: https://harbourtimes.example/news/2026/11/29/"
                + "council-votes-to-expand-the-tram-network-to-the-northern-suburbs";

        assertThat(extractor.extract(text, false).paragraphs()).first().isEqualTo(STORY_1);
    }

    @Test
    void shouldReadIndentedWireCopyWithTheIndentInTheWidth() {
        // AP style: every paragraph's first line indented, one-line paragraphs among them
        String first = "Shares in the company fell 12% in early trading in New York after it cut its forecast for the"
                + " year, blaming weak demand in China.";
        String second = "Republicans said the measure did too little.";
        String third = "\"This is not the end of the fight,\" said the senator, who has led the opposition to the plan"
                + " since it was first put forward in the spring.";
        String text = ("  " + wrap(first, 58)).replace("\n", "\n") + "\n  " + second + "\n  " + wrap(third, 58);

        assertThat(extractor.extract(text, false).paragraphs()).containsExactly(first, second, third);
    }

    @Test
    void shouldJoinALineTheWrapperBrokeMidSentenceEvenAmongShortParagraphs() {
        String text = "WASHINGTON (AP) - The Senate voted on Tuesday to approve the bill, sending it to the\nHouse, where"
                + " its fate is uncertain.\nThe vote was 52-48.\n(more)";

        assertThat(extractor.extract(text, false).paragraphs()).containsExactly("WASHINGTON (AP) - The Senate voted on"
                + " Tuesday to approve the bill, sending it to the House, where its fate is uncertain.",
                "The vote was 52-48.", "(more)");
        // German's capitalised nouns
        String german = "Die Bundesregierung hat am Mittwoch ein Paket zur Entlastung der Bürger beschlossen, das"
                + " nach Angaben des Finanzministeriums rund zwölf Milliarden Euro kosten soll.";
        assertThat(extractor.extract(wrap(german, 45), false).paragraphs()).containsExactly(german);
    }

    @Test
    void shouldJudgeBoilerplateByBlockSoALineOfTheStoryIsNeverDroppedAsAPagesDate() {
        assertThat(extractor.extract("Tickets go on sale on Friday for the two remaining concerts:\n - Saturday 14 June\n"
                + " - Sunday 15 June", false).paragraphs()).containsExactly(
                "Tickets go on sale on Friday for the two remaining concerts:", "Saturday 14 June", "Sunday 15 June");
        assertThat(extractor.extract("Good morning. Here is what you need to know today.\nLatest news\nThe prime minister"
                + " will visit Harbour City on Friday.\nTrain drivers will strike on Saturday.", false).paragraphs())
                .containsExactly("Good morning. Here is what you need to know today.", "Latest news",
                        "The prime minister will visit Harbour City on Friday.", "Train drivers will strike on Saturday.");
        assertThat(extractor.extract("Day 3\nKohli struck an unbeaten century as India closed on 320 for four.", false)
                .paragraphs()).containsExactly("Day 3", "Kohli struck an unbeaten century as India closed on 320 for four.");
    }

    @Test
    void shouldContinueAWrappedBulletWithoutAHangingIndent() {
        String text = "The plan includes:\n" + wrap("- Increased spending on primary education to 71.56bn rupees, the"
                + " largest rise in a decade", 60) + "\n- New bus lanes on the ring road";

        assertThat(extractor.extract(text, false).bodyHtml()).isEqualTo("<p>The plan includes:</p><ul><li>Increased"
                + " spending on primary education to 71.56bn rupees, the largest rise in a decade</li><li>New bus lanes"
                + " on the ring road</li></ul>");
    }

    @Test
    void shouldReadLoneCarriageReturnsAndTheEndOfWireCopy() {
        assertThat(extractor.extract(STORY_1 + "\r" + STORY_2 + "\r\r" + STORY_3, false).paragraphs())
                .containsExactly(STORY_1, STORY_2, STORY_3);
        assertThat(extractor.extract(STORY_1 + "\n-30-\nNEW YORK (AP) - Stocks fell on Monday.", false).paragraphs())
                .containsExactly(STORY_1, "-30-", "NEW YORK (AP) - Stocks fell on Monday.");
    }

    @Test
    void shouldKeepTheLinesOfShortLineBlocksApart() {
        // results, a table of figures, verse, a contact, a section label: their widest line looks full, and is not
        assertThat(extractor.extract(STORY_1 + "\n\nArsenal 2 Chelsea 1\nLiverpool 3 Everton 0\nLeeds United 1 Fulham 1",
                false).paragraphs()).containsExactly(STORY_1, "Arsenal 2 Chelsea 1", "Liverpool 3 Everton 0",
                "Leeds United 1 Fulham 1");
        assertThat(extractor.extract("FTSE 100      7,512.3    +0.4% on the day\nDAX           18,901.0   -0.2% on the day"
                + "\nCAC 40        7,456.1    +0.1% on the day", false).paragraphs()).hasSize(3);
        assertThat(extractor.extract("LONDON\nThe Bank of England left its main interest rate unchanged on Thursday.\n"
                + "ANALYSIS\nEconomists said the split vote pointed to a cut next year.", false).paragraphs())
                .containsExactly("LONDON", "The Bank of England left its main interest rate unchanged on Thursday.",
                        "ANALYSIS", "Economists said the split vote pointed to a cut next year.");
        assertThat(extractor.extract("By Jane Smith\nHARBOUR CITY - The council voted to expand the tram network.\n"
                + "Share this article\nThe vote was 32-10.", false).paragraphs())
                .containsExactly("HARBOUR CITY - The council voted to expand the tram network.", "The vote was 32-10.");
        assertThat(extractor.extract("The plan:\n- raise the minimum wage\n- review business rates for small firms\n"
                + "Critics said it was too little.", false).bodyHtml()).isEqualTo("<p>The plan:</p><ul><li>raise the"
                + " minimum wage</li><li>review business rates for small firms</li></ul><p>Critics said it was too"
                + " little.</p>");
    }

    @Test
    void shouldKeepADashAWrapperCarriedInsideAWrappedItem() {
        String item = "- The fund, which ministers say is the largest of its kind - and critics call too small to matter"
                + " - opens in May, two months later than planned, after a row over who should run it";
        String text = "The plan:\n" + wrap(item, 58) + "\n- Bus lanes on the ring road";

        assertThat(wrap(item, 58)).contains("\n- and critics"); // the wrapper put a dash at a line's start
        assertThat(extractor.extract(text, false).bodyHtml()).isEqualTo("<p>The plan:</p><ul><li>" + item.substring(2)
                + "</li><li>Bus lanes on the ring road</li></ul>");
    }

    @Test
    void shouldNotTakeAMonthOrATitleBeforeItsNumberOrNameForTheEndOfASentence() {
        assertThat(extractor.extract("The agency lost $6.5 billion in the year ended Sept.\n30, officials said on Friday.",
                false).paragraphs()).containsExactly("The agency lost $6.5 billion in the year ended Sept. 30, officials"
                + " said on Friday.");
        assertThat(extractor.extract("The measure was opposed by the Senate minority leader, Sen.\nJohn Thune of South"
                + " Dakota, who called it reckless.", false).paragraphs()).hasSize(1);
        // a sentence's real end still ends it
        assertThat(extractor.extract("The agency said its losses narrowed sharply in the year to September.\nShares rose"
                + " 4% in early trading.", false).paragraphs()).hasSize(2);
    }

    @Test
    void shouldReadACrlfConvertedTwiceAsOneLineBreak() {
        String text = wrap(STORY_1, 72).replace("\n", "\r\r\n") + "\r\r\n\r\r\n" + wrap(STORY_2, 72).replace("\n", "\r\r\n");

        assertThat(extractor.extract(text, false).paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldReadAOneBlockBodyOfAHundredThousandLinesInLinearTime() {
        String body = "Line of text.\n".repeat(70_000);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> // a hang guard
                assertThat(extractor.extract(body, false).paragraphs()).hasSize(70_000));
    }

    @Test
    void shouldJoinCjkLinesWithoutASpaceAndANumberedItemOverItsHangingIndent() {
        // a hyphen at a line's end keeps its space: a suspended hyphen ("six- to eight-week") needs it
        assertThat(extractor.extract("The course lasts six-\nto eight-weeks.", false).paragraphs())
                .containsExactly("The course lasts six- to eight-weeks.");
        assertThat(extractor.extract("东京电力公司周三表示，福岛第一核电站的处理水排放工作将于下周恢复，此前因设备故障\n暂停了两天。", false)
                .paragraphs()).containsExactly("东京电力公司周三表示，福岛第一核电站的处理水排放工作将于下周恢复，此前因设备故障暂停了两天。");
        assertThat(extractor.extract("1. Expand the tram network to the northern suburbs by 2029, at a cost of\n   Harbour"
                + " City's own money.\n2. Freeze fares.", false).paragraphs()).containsExactly("1. Expand the tram network"
                + " to the northern suburbs by 2029, at a cost of Harbour City's own money.", "2. Freeze fares.");
    }

    /** A greedy wrapper, as email clients and wire systems wrap: a word goes on the line whenever it fits. */
    private static String wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }
}
