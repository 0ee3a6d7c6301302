package dev.newsflow.enrich.text.teaser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire datelines and feed credits a teaser must not open with, and the sentences that only look like them. */
class DatelineTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // the forms the teaser tests cover, kept here beside the new ones
        "LONDON (Reuters) - The council voted on Monday.",
        "NEW YORK, March 3 (AP) — The council voted on Monday.",
        "WASHINGTON — The council voted on Monday.",
        "(Reuters) - The council voted on Monday.",
        // several places, as Reuters writes a story filed from two desks
        "BAGHDAD/PARIS (Reuters) - The council voted on Monday.",
        "BRUSSELS/KHARTOUM, Sudan (Reuters) - The council voted on Monday.",
        "WASHINGTON/NEW YORK (Reuters) - The council voted on Monday.",
        "PRISTINA, Serbia and Montenegro (Reuters) - The council voted on Monday.",
        // an agency in brackets and no dash, or a colon after it
        "ISLAMABAD, Pakistan (AP) The council voted on Monday.",
        "BEIJING (AP) The council voted on Monday.",
        "PORT-AU-PRINCE, Haiti (AFP): The council voted on Monday.",
        "NEW DELHI, Dec 4 (AFP): The council voted on Monday.",
        "JAKARTA (Dow Jones)--The council voted on Monday.",
        // a date with a colon, a day before its month, a comma after the month, a year
        "NAJAF, Aug 17: The council voted on Monday.",
        "BAGHDAD, 31 October 2004 - The council voted on Monday.",
        "HARARE, 27 October (IRIN) - The council voted on Monday.",
        "COLUMBUS, Ohio, Oct, 17 -- The council voted on Monday.",
        "LAHORE, Pakistan: August 19, 2004 (PNS) - The council voted on Monday.",
        // a known country or region after the place, and nothing else
        "CAIRO, Egypt The council voted on Monday.",
        "UNITED NATIONS, New York The council voted on Monday.",
        "NAUBISE, Nepal : The council voted on Monday.",
        // a known place written in mixed case
        "London - The council voted on Monday.",
        "Baghdad -- The council voted on Monday.",
        "Bangkok (VNA) - The council voted on Monday.",
        "San Diego -- The council voted on Monday.",
        // the place and agency both in brackets, then the date
        "(Baghdad, Iraq-AP) Oct. 9, 2004 - The council voted on Monday.",
        // a feed's credit in lower case, and the wire's dateline after it
        "washingtonpost.com - The council voted on Monday.",
        "washingtonpost.com - COLUMBUS, Ohio, Oct, 17 -- The council voted on Monday.",
        // the re-check's wire copy: region then a sentence that opens with a name, wires named otherwise
        "KABUL, Afghanistan The council voted on Monday.",
        "BOSTON--(BUSINESS WIRE)--The council voted on Monday.",
        "WASHINGTON (CBS/AP) The council voted on Monday.",
        "(CNN)The council voted on Monday.",
        "CLEVELAND: The council voted on Monday.",
        "CHARLOTTE, N.C., (Sports Network) - The council voted on Monday.",
        "PHILADELPHIA (Nov. 4, 2004) -- The council voted on Monday.",
        // an em dash without spaces after a known place in capitals
        "WASHINGTON—The council voted on Monday.",
    })
    void removesTheDateline(String paragraph) {
        assertThat(Dateline.strip(paragraph)).isEqualTo("The council voted on Monday.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MADRID, 12 mar (EFE).- El Consejo de Ministros ha aprobado la ley.|El Consejo de Ministros ha aprobado la ley.",
        "Madrid, 12 de marzo (EFE).- El Consejo de Ministros ha aprobado la ley.|El Consejo de Ministros ha aprobado la ley.",
        "MADRID, 12 (EUROPA PRESS) El Consejo de Ministros ha aprobado la ley.|El Consejo de Ministros ha aprobado la ley.",
        "Paris, 12 mars 2024 (AFP) - Les syndicats ont appelé à la grève.|Les syndicats ont appelé à la grève.",
        "Brasília, 12 mar (Lusa) - O governo anunciou um pacote.|O governo anunciou um pacote.",
        "(ANSA) - ROMA, 12 MAR - Allerta rossa in Emilia-Romagna.|Allerta rossa in Emilia-Romagna.",
        "BERLIN. Die Bundesregierung hat das Gesetz beschlossen.|Die Bundesregierung hat das Gesetz beschlossen.",
        "新华社北京3月5日电（记者张三）中国人民银行5日宣布下调存款准备金率。|中国人民银行5日宣布下调存款准备金率。",
        "【新华社北京3月5日电】中国人民银行5日宣布下调存款准备金率。|中国人民银行5日宣布下调存款准备金率。",
        "【ワシントン共同】米政府は5日、新たな制裁を発表した。|米政府は5日、新たな制裁を発表した。",
        "القاهرة (رويترز) - أعلنت الحكومة المصرية عن خطة جديدة.|أعلنت الحكومة المصرية عن خطة جديدة.",
        // sentences that only look like one
        "Madrid, 12 veces campeón, ganó otra vez.|Madrid, 12 veces campeón, ganó otra vez.",
        "NATO. That is what he said.|NATO. That is what he said.",
        "北京时间3月5日，中国人民银行宣布降准。|北京时间3月5日，中国人民银行宣布降准。",
    })
    void removesTheWireHeadsOfOtherLanguages(String paragraph, String expected) {
        assertThat(Dateline.strip(paragraph)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "US - and EU - officials met on Monday.",
        "Apple - the maker of the iPhone - reported on Monday.",
        "TRUMP: We will build the wall.",
        "BREAKING: Britain will send more troops.",
        "HAMISH ROBERTSON: British Prime Minister Tony Blair has returned home.",
        "ABC-TV said on Monday it would stop the show.",
        "NATO-led forces entered the town on Monday.",
        "London is the capital of the United Kingdom.",
        "Jordan - the player - scored twice on Monday.",
        "Paris, the city of light, welcomed the team on Monday.",
        "DEAF children joined 200 mercy workers at a rally in Baghdad.",
        "Amazon.com made its entry into renting DVDs on Thursday.",
        "Amazon.com - the online retailer - reported on Monday.",
        "Peter - Paul and Mary sang on Monday.",
        "FRANCE and Britain led the condemnation on Monday.",
        // an acronym spelled out in brackets is no agency
        "NATO (North Atlantic Treaty Organization) Secretary General Jaap de Hoop Scheffer said on Monday.",
        "IBM (International Business Machines) Corp. said on Monday.",
        // a firm whose name starts with a place
        "DALLAS, Texas Instruments Inc. said on Monday.",
        "PARIS, France Telecom said on Monday.",
        "NEW YORK, New York Times Co. said on Monday.",
        "HANOI, Vietnam News Agency reported on Monday.",
        "BEIJING, China First Automobile Works said on Monday.",
        // two places that are one topic
        "Israel - Palestinian talks resume on Monday.",
        "India - Pakistan talks resume on Monday.",
        "China - Japan relations improved on Monday.",
        // an em dash without spaces after what is not a known place
        "NATO—The alliance met on Monday.",

    })
    void keepsASentenceThatOnlyLooksLikeOne(String paragraph) {
        assertThat(Dateline.strip(paragraph)).isEqualTo(paragraph);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a capitalised word after the place that is not a known place is the sentence's subject
        "PARIS, Hilton said on Monday it would sell the hotel.|PARIS, Hilton said on Monday it would sell the hotel.",
        // the longest known place wins: "New York", not "New"
        "UNITED NATIONS, New York For years, Kofi Annan was admired.|For years, Kofi Annan was admired.",
    })
    void decidesTheRegionByTheGazetteer(String paragraph, String expected) {
        assertThat(Dateline.strip(paragraph)).isEqualTo(expected);
    }

    @Test
    void repeatedAgencyHeadsAreReadOnceNotRecursively() {
        // a 180 KB paragraph of "(ANSA) - " once overflowed the stack and dead-lettered its article
        String hostile = "(ANSA) - ".repeat(20_000) + "ROMA, 12 MAR - Il governo ha approvato il decreto.";
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(Dateline.strip(hostile)).hasSize(hostile.length() - 9);
            new SentenceTeaserWriter(160).write("Decreto approvato", java.util.List.of(hostile), null, null);
        });
    }

    @Test
    void hostileOpeningsAreReadInBoundedTime() {
        // long runs of what each part of a dateline accepts, with nothing after them that ends one
        String[] hostile = {
            "LONDON" + " ".repeat(200_000) + "x",
            "A".repeat(200_000),
            "CAIRO, Xyz" + " ".repeat(200_000) + "x",
            "(" + "A".repeat(200_000),
            "BAGHDAD/" + "PARIS/".repeat(40_000) + " - x",
            "London " + "(AP) ".repeat(40_000) + "x",
            "London" + " ".repeat(200_000) + "x",
            "NEW YORK, March 3" + " ".repeat(200_000) + "x",
            "(Baghdad, Iraq-AP)" + " ".repeat(200_000) + "x",
            "Feb. 23, 2015" + " ".repeat(200_000) + "x",
        };
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String paragraph : hostile) {
                assertThat(Dateline.strip(paragraph).equals(paragraph)).as(paragraph.substring(0, 20)).isTrue();
            }
        });
    }
}
