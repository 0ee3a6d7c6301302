package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {

    private static final String LONG = "The minister said the reform would be presented to parliament in the autumn, "
            + "after a consultation with unions, employers and the regional governments concerned.";

    private final BoilerplateFilter filter = new BoilerplateFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "You have not yet added any article to your bookmarks!",
            "Join 10k+ people to get notified about new posts",
            "Do not worry we don't spam!",
            "Sign up for our newsletter",
            "Subscribe to our daily newsletter!",
            "Get the latest news delivered to your inbox",
            "Enter your email address",
            "We use cookies to improve your experience on our site.",
            "This website uses cookies",
            "Accept all cookies",
            "Share this article",
            "Share on Facebook",
            "Click to share on Twitter (Opens in new window)",
            "Follow us on Instagram",
            "Advertisement",
            "Story continues below advertisement",
            "Add to bookmarks",
            "READ MORE: Council approves new tram line",
            "Related: Bus fares to rise",
            "Continue reading the main story",
            "5 min read"})
    void shouldRecogniseChromeLines(String line) {
        assertThat(filter.isChrome(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Published: 5 March 2024, 10:32 GMT", "Updated 2 hours ago", "Mon 4 Mar 2024 18.30 CET"})
    void shouldRecogniseDatelines(String line) {
        assertThat(filter.isDateline(line)).isTrue();
    }

    @Test
    void shouldDropDatelinesAtTheEdgesOnlyAndNeverRowsOfNumbers() {
        assertThat(filter.isDateline("2, 3, 5, 12")).isFalse();
        BoilerplateFilter.Result r = filter.filter(List.of("Updated 5 March 2024", LONG, LONG, LONG, "7 May 1856", LONG, LONG, LONG));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG, LONG, "7 May 1856", LONG, LONG, LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "In its latest newsletter, the union said members would vote on the offer next week.",
            "The bakery shares its recipe for cookies with anyone who asks.",
            "Share prices fell sharply on Monday.",
            "Readers who sign up will get the first issue free, the publisher said on Monday.",
            "Advertisement revenue rose by 12% in the third quarter.",
            "We don't know yet whether the spam filter caught it.",
            "Read more books, the mayor told the children.",
            "On 5 March 2024 the council met again.",
            "The company said so, according to Reuters.", "Shares rose, Bloomberg reported.",
            "Image quality has improved, the agency said.", "Yes, Content Depth and Breadth Overlap",
            "The company said all rights reserved under the contract would pass to the buyer.",
            "Sign up for vaccine alerts opened on Monday, the ministry said.",
            "Monday"})
    void shouldKeepRealSentences(String line) {
        assertThat(filter.isChrome(line)).isFalse();
        assertThat(filter.isDateline(line)).isFalse();
        assertThat(filter.bylineOf(line)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Post by : Jane Doe", "Posted by Jane Doe", "By Jane Doe", "BY Jane Doe | Reuters",
            "Written by Jane Doe", "Author: Jane Doe", "By Jane Doe, Reuters", "Par Jane Doe", "Von Jane Doe"})
    void shouldReadTheNameFromABylineLine(String line) {
        assertThat(filter.bylineOf(line)).isEqualTo("Jane Doe");
    }

    @Test
    void shouldNotTakeAPhraseStartingWithByForAByline() {
        assertThat(filter.bylineOf("By Monday, the river had risen by two metres.")).isNull();
        assertThat(filter.bylineOf("by the way")).isNull();
        assertThat(filter.bylineOf("Par exemple")).isNull();
    }

    @Test
    void shouldCutARelatedPostsListAtTheEnd() {
        BoilerplateFilter.Result r = filter.filter(List.of(LONG, LONG, "Related posts", "Bus fares to rise in January",
                "New bridge opens on the river"));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG);
    }

    @Test
    void shouldDropOnlyTheMarkerWhenTheStoryGoesOnAfterIt() {
        BoilerplateFilter.Result r = filter.filter(List.of(LONG, "Read more", LONG, LONG, LONG));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG, LONG, LONG);
    }

    @Test
    void shouldDropABoxOfOtherStoriesInsideAStoryOfShortParagraphsAndKeepTheStoryAfterIt() {
        // news paragraphs are short: the story after the box read as a list, and the box cut it off
        String p1 = "A man has been charged with murder after a woman was found dead at a house in Leeds.";
        String p2 = "Police were called to the property in Harehills Lane at about 02:00 on Saturday.";
        String p3 = "She appealed for anyone with information to contact the force.";
        String p4 = "Neighbours described hearing shouting in the early hours.";
        for (List<String> box : List.of(
                List.of("Related stories", "Woman dies in Bradford crash", "Two arrested over Leeds stabbing"),
                List.of("Most read", "Man arrested after car hits pedestrians", "Heatwave warning issued"),
                List.of("Read more"), List.of("See also:", "Thames Water fined £123m for sewage spills"),
                List.of("More on this story", "What is Ofwat?"))) {
            List<String> story = new java.util.ArrayList<>(List.of(p1, p2));
            story.addAll(box);
            story.addAll(List.of(p3, p4));

            assertThat(filter.filter(story).paragraphs()).as(box.get(0)).containsExactly(p1, p2, p3, p4);
        }
        // a box at the end, and a writer's bio after one, still end the text
        assertThat(filter.filter(List.of(p1, p2, "Most read", "Heatwave warning issued", "Man arrested in Leeds"))
                .paragraphs()).containsExactly(p1, p2);
        assertThat(filter.filter(List.of(p1, p2, "Read more:", "Tunisia's Islamists get a sobering lesson",
                "Erin Cunningham is an Egypt-based correspondent for The Post. She previously covered conflicts.",
                "Comments")).paragraphs()).containsExactly(p1, p2);
        // a box that gives each headline a summary is the page's tail, however prose-like its summaries
        assertThat(filter.filter(List.of(p1, p2, p1, p2, "Related stories", "Bridge to close for repairs",
                "The city council voted on Tuesday to close the old bridge for repairs next month.",
                "Heatwave warning issued", "Forecasters said temperatures would reach 35C in parts of the south on Friday."))
                .paragraphs()).containsExactly(p1, p2, p1, p2);
        // one line of prose after a box, and nothing after it, is the story's last paragraph (a box's one summary is
        // not told from it, and losing the story's words is the worse mistake)
        assertThat(filter.filter(List.of(p1, p2, "Related stories", "Cup draw made", "He scored 21 goals last season."))
                .paragraphs()).containsExactly(p1, p2, "He scored 21 goals last season.");
        // a credit after the story's last paragraph is no headline
        assertThat(filter.filter(List.of(p1, p2, "Most read", "Heatwave warning issued", p3,
                "Additional reporting by Tom Brown", "More on this story", "What is Ofwat?")).paragraphs())
                .containsExactly(p1, p2, p3, "Additional reporting by Tom Brown");
        // the page's tail after comments is not a box
        assertThat(filter.filter(List.of(p1, p2, "12 comments", "Jane wrote on Monday", "What a sad story this is."))
                .paragraphs()).containsExactly(p1, p2);
    }

    @Test
    void shouldDropPublisherNotesAndMediaLabels() {
        String print = "A version of this article appears in print on March 5, 2024, on Page A22 of the New York edition "
                + "with the headline: Council backs tram.";
        BoilerplateFilter.Result r = filter.filter(List.of("Image", LONG, LONG, LONG, print, "Copyright 2024 Herald Media. All rights reserved."));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG, LONG);
    }

    @Test
    void shouldDropAWiresCreditLineAfterTheStory() {
        String reuters = "(Reporting by Sinéad Carew in New York and Amruta Khandekar in Bengaluru; Editing by Richard Chang)";
        String aside = "(The council said it would appeal the ruling, which it called a blow to the city's plans.)";

        assertThat(filter.filter(List.of(LONG, LONG, aside, reuters)).paragraphs()).containsExactly(LONG, LONG, aside);
        assertThat(filter.filter(List.of(LONG, "(Reporting by Jane Doe; Editing by John Roe)")).paragraphs())
                .containsExactly(LONG);
    }

    @Test
    void shouldKeepLongProseThatMentionsRightsOrSigningUp() {
        String rights = "The company said all rights reserved under the 1998 contract would pass to the buyer when the"
                + " deal closes next year.";
        String signUp = "Sign up for vaccine alerts opened on Monday, the ministry said, and a million people did so"
                + " within the first three hours of the service.";

        assertThat(filter.filter(List.of(LONG, rights, signUp, LONG)).paragraphs()).containsExactly(LONG, rights, signUp, LONG);
    }

    @Test
    void shouldNotRecurseDeepOnAHostileCreditLikeLine() {
        String hostile = "A/".repeat(20_000) + "x";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                assertThat(filter.filter(List.of(hostile, LONG)).paragraphs()).containsExactly(hostile, LONG));
    }

    @Test
    void shouldDropPictureCreditsLabelsAndLongSignUpPrompts() {
        BoilerplateFilter.Result r = filter.filter(List.of("Image source, Getty Images",
                "Image caption, The river burst its banks in 2023", LONG, "Getty Images", "JIM WATSON/AFP/Getty Images",
                "Photos by Jane Roe (Shutterstock)", LONG,
                "Sign up for our free morning briefing to get the top stories in your inbox.",
                "Click here to subscribe to our markets newsletter",
                "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast,"
                        + " rewritten or redistributed.",
                "Have a story? Email us at tips@example.com", LONG));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG, LONG);
    }

    @Test
    void shouldCutATagListAtTheEnd() {
        BoilerplateFilter.Result r = filter.filter(List.of(LONG, LONG, LONG, "More about:", "Hotels", "Hygiene", "Reuse content"));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG, LONG);
    }

    @Test
    void shouldCutCommentsAtTheEnd() {
        BoilerplateFilter.Result r = filter.filter(List.of(LONG, LONG, LONG, "Leave a Reply", LONG));

        assertThat(r.paragraphs()).containsExactly(LONG, LONG, LONG);
    }

    @Test
    void shouldReturnTheBylineAndRemoveItsLine() {
        BoilerplateFilter.Result r = filter.filter(List.of("Post by : Jane Doe", LONG));

        assertThat(r.byline()).isEqualTo("Jane Doe");
        assertThat(r.paragraphs()).containsExactly(LONG);
    }
}
