package dev.newsflow.enrich.text.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line rules for the site chrome that scrapers and CMS bodies paste into an article: bookmark prompts, newsletter
 * sign-ups, "we don't spam" reassurances, cookie notices, share and follow prompts, advertisement labels, byline
 * lines, and the related-post or comment blocks that trail a story. Reads paragraphs, writes the paragraphs that are
 * article text plus the byline found among them.
 *
 * <p>Every rule is matched against a <em>whole</em> short line (at most {@value #MAX_CHROME_WORDS} words), never
 * inside a sentence: chrome is a line of its own, while a real sentence that mentions a newsletter or cookies is
 * longer and does not start with an imperative prompt. The rules, in order:
 * <ol>
 *   <li><b>byline</b>: "Post by : Jane Doe", "Posted by Jane Doe", "By Jane Doe", "Written by ...", "Author: ...",
 *       "Par / Por / Von / Door ..."
 *       followed by at most six name-like words: removed from the text and returned as the byline.</li>
 *   <li><b>bookmark</b>: "You have not yet added any article to your bookmarks!", "Add to bookmarks",
 *       "Remove from bookmarks", "Bookmark this article", "Go to bookmarks".</li>
 *   <li><b>newsletter</b>: "Join 10k+ people to get notified about new posts", "Sign up for our newsletter",
 *       "Subscribe to our newsletter", "Get the latest ... delivered to your inbox", "Enter your email (address)".</li>
 *   <li><b>no spam</b>: "Do not worry we don't spam!", "We don't spam", "No spam", "Unsubscribe at any time",
 *       "We respect your privacy".</li>
 *   <li><b>cookies</b>: a short line that says "(this site|we) use(s) cookies", "accept (all) cookies",
 *       "cookie policy/settings/preferences".</li>
 *   <li><b>share and follow</b>: "Share this article", "Share on Facebook", "Share:", "Click to share on ...",
 *       "Follow us on ...", "Tweet", "Pin it", "Email this", "Print this article", "Copy link".</li>
 *   <li><b>labels</b>: "Advertisement", "Sponsored content", "Story continues below (the) advertisement",
 *       "Skip to (main) content", "Loading...", "Continue reading the main story", "Listen to this article",
 *       "5 min read", "Supported by", "Reuse content", "Report an error".</li>
 *   <li><b>publisher notes</b> (up to 40 words, fixed wording): "A version of this article appears in print on
 *       ...", "Copyright 2024 ...", "... All rights reserved."</li>
 *   <li><b>media labels</b>: a line that is only "Image", "Photo", "Video", "Gallery", "Watch", "Listen".</li>
 *   <li><b>promotions</b>: "READ MORE: headline", "RELATED: headline", "Also read | headline": a label, a colon
 *       (or bar, arrow, dash) and a headline of another story.</li>
 *   <li><b>datelines</b>: among the first or last three paragraphs, a line of date and time words only, with a
 *       number and a word ("Published: 5 March 2024, 10:32 GMT", "Updated 2 hours ago").</li>
 *   <li><b>trailing blocks</b>: a heading line "Related posts/articles/stories", "Read more" (alone, or "on/from" a short name), "Read next", "See also",
 *       "You may also like", "You might also like", "More from ...", "Recommended (for you)", "Also read",
 *       "Comments", "N comments", "N responses", "Leave a reply/comment", "Post a comment", "Comments are closed": this line and
 *       everything after it are dropped when what follows is a list (only short lines) or the marker sits in the
 *       last third of the text. A marker in the middle of a long story followed by real paragraphs only loses its
 *       own line. A box of other stories inside the story ("Related stories", "Most read", "Read more", "See also",
 *       "More on this story": at most 12 short lines that are not sentences, then prose) goes with its headlines,
 *       and the story after it stays, however short its paragraphs.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class BoilerplateFilter {

    /** Lines longer than this are prose, never chrome. */
    static final int MAX_CHROME_WORDS = 14;

    /** A trailing list is made of lines no longer than this (headlines of related posts, comment metadata). */
    private static final int MAX_LIST_LINE_WORDS = 22;

    /** CHROME and TRAILING_MARKER are matched against the lowercased line: no case-insensitive flag, faster. */
    private static final int FLAGS = 0;

    /** Datelines stand among the first or last few paragraphs; inside the text a date line is a table row or list. */
    private static final int DATELINE_EDGE = 3;

    private static final String NAME = "([\\p{Lu}\\p{Lt}][\\p{L}\\p{M}'’.\\-]*(?:\\s+(?:[\\p{Lu}\\p{Lt}][\\p{L}\\p{M}'’.\\-]*|de|da|van|von|der|del|la|le|bin|al|and|&)){0,5})";

    /** The label is case-insensitive, the name is not: it must be capitalised words ("By Monday, the ..." is prose). */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?iu:(?:(?:posted|post|written|words|reported|story|text)?\\s*by|par|por|von|door))\\s*[:\\-–—]?\\s*" + NAME
                    + "\\s*(?:[|,·•–—]\\s*[\\p{Lu}\\d][\\p{L}\\d .,/:]{0,50})?$");

    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "^(?iu:author|autor|auteur|reporter|by ?line)\\s*[:\\-–—]\\s*" + NAME + "\\s*$");

    private static final Pattern CHROME = Pattern.compile(String.join("|",
            // bookmarks
            "^you have(?: not| no)? (?:yet )?(?:added|saved|bookmarked) (?:any )?(?:articles?|posts?|stories|items?)(?: to your (?:bookmarks|reading list))?\\W*$",
            "^(?:add|added|save|saved|remove|removed) (?:to|from) (?:your )?(?:bookmarks|reading list|favou?rites)\\W*$",
            "^(?:bookmark|save) (?:this|the) (?:article|post|story|page)\\W*$",
            "^(?:go to|view|see) (?:your |all )?bookmarks\\W*$",
            "^bookmarks?\\W*$",
            // newsletters
            "^join (?:\\d[\\d.,]*\\s*[km]?\\+?|thousands of|over \\S+|our|\\d+ \\S+) (?:other )?(?:people|readers|subscribers|members)\\b.*(?:notified|newsletter|inbox|updates|posts|subscribe).*$",
            "^(?:sign ?up|subscribe|register)(?: now| today| here| free)?(?: (?:to|for) (?:our|the|my|a|this)(?: free)?(?: \\S+){0,3} (?:newsletters?|mailing list|digest|briefing|updates|alerts))?\\W*$",
            "^(?:sign up|subscribe) (?:to|for) (?:our|the|my)(?: free)?(?: \\S+){0,3} (?:newsletters?|mailing list|digest|briefing|updates|alerts)\\b.*$",
            "^(?:get|receive) (?:the latest|our|the best|all the latest|breaking)\\b.{0,60}(?:delivered )?(?:to|in) your inbox\\W*$",
            "^(?:enter|type) your e-?mail(?: address)?(?: here| below)?\\W*$",
            "^(?:your )?e-?mail address\\W*$",
            "^newsletter(?: sign-?up)?\\W*$",
            "^get notified about new posts\\W*$",
            // no spam
            "^(?:do not|don't|don’t) worry,? we (?:do not|don't|don’t|will never|never) spam\\W*.*$",
            "^we (?:do not|don't|don’t|will never|never|hate) spam\\W*.*$",
            "^(?:no spam|zero spam)\\b.{0,50}$",
            "^(?:you can )?unsubscribe at any time\\W*$",
            "^we respect your privacy\\W*$",
            // cookies
            "^.{0,80}\\b(?:this (?:web)?site|we|our site) uses? cookies\\b.*$",
            "^(?:accept|allow|reject|manage)(?: all)? cookies\\W*$",
            "^.{0,40}\\bcookie (?:policy|settings|preferences|consent)\\W*$",
            // share and follow
            "^share(?: this)?(?: article| post| story| page)?(?: on| via| with)?(?: facebook| twitter| x| linkedin| whatsapp| e-?mail| reddit| pinterest)?\\W*$",
            "^share (?:on|via) \\S+(?: \\S+)?\\W*$",
            "^click to (?:share|email|print)\\b.*$",
            "^(?:follow|like) us on\\b.{0,60}$",
            "^(?:tweet|pin it|email this|e-mail this|print this(?: article| page)?|copy link|copy url|link copied)\\W*$",
            // labels
            "^(?:advertisement|advertising|sponsored|sponsored content|paid content|ad|ads|promoted)\\W*$",
            "^story continues below(?: the)? (?:advertisement|ad)\\W*$",
            "^(?:article )?continues below(?: the)? (?:advertisement|ad)\\W*$",
            "^skip (?:to|ad)(?: main| the)?(?: content| navigation| comments)?\\W*$",
            "^loading\\W*$",
            "^continue reading(?: the main story| below| this article)?\\W*$",
            "^listen to (?:this )?(?:article|story)\\b.{0,30}$",
            "^\\d+ min(?:ute)?s? read\\W*$",
            "^supported by\\W*$",
            "^(?:image|photo|photograph|video|graphic|gallery|audio|watch|listen)\\W*$",
            // labels a site writes for screen readers before a picture: "Image source, Getty Images"
            "^(?:image|media|video) (?:source|caption|description)\\s*[,:].*$",
            "^click here to (?:subscribe|sign up|register|download|follow|get)\\b.*$",
            "^(?:reuse (?:this )?content|report an? (?:error|typo|correction)|suggest a correction)\\W*$",
            // in-body promotions of other stories: "READ MORE: headline", "RELATED: headline"
            "^(?:read more|related|also read|read also|more|see also|read next|recommended|don't miss|must read)"
                    + "\\s*[:|»>–—]\\s*\\S.*$"), FLAGS);

    private static final Pattern DATE_SEPARATORS = Pattern.compile("[\\s,|·•()\\[\\]]+");

    private static final Pattern DATE_WORD = Pattern.compile(
            "\\d{1,4}(?:st|nd|rd|th|h)?|\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:am|pm)?|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}"
                    + "|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?"
                    + "|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\\.m|p\\.m|gmt|utc|bst|cet|cest|et|est|edt|pt|pst|pdt"
                    + "|published|updated|posted|modified|last|first|on|at|date|today|yesterday|ago|hours?|minutes?|days?");

    /**
     * Trailing markers that head a box of other stories' links, which a CMS also puts inside a story ("Related
     * stories", "Most read", "Read more", "See also"), as against those that head a page's tail (comments, tags).
     */
    private static final List<String> BOX_MARKERS = List.of(
            "^(?:related|similar)(?: posts?| articles?| stories| news| content| reading| coverage)?\\W*$",
            "^(?:read|see) (?:more|next|also)(?: (?:on|from) [^.!?]{1,40})?\\W*$",
            "^(?:also read|more to read|more stories|more news|more articles|top stories|trending|most read|most popular|popular posts|latest posts|latest news|recent posts)\\W*$",
            "^you (?:may|might) also (?:like|enjoy|be interested in)\\W*$",
            "^more on (?:this|that) (?:story|subject|topic)\\W*$",
            "^recommended(?: for you| reading| stories| articles)?\\W*$");
    private static final List<String> TAIL_MARKERS = List.of(
            "^more from .{1,40}$",
            "^(?:more (?:about|on)|tags|tagged|topics|related topics|filed under|categories|posted in)\\W*$",
            "^(?:\\d+ )?comments?(?: \\(\\d+\\))?\\W*$",
            "^\\d+ (?:responses?|replies)\\W*$",
            "^(?:leave|post|add|write) a (?:comment|reply|response)\\W*.{0,40}$",
            "^comments are closed\\W*$",
            "^(?:join|start) the (?:discussion|conversation)\\W*$");
    private static final Pattern BOX_MARKER = Pattern.compile(String.join("|", BOX_MARKERS), FLAGS);
    private static final Pattern TRAILING_MARKER = Pattern.compile(
            String.join("|", BOX_MARKERS) + "|" + String.join("|", TAIL_MARKERS), FLAGS);

    /**
     * The writer's bio a page puts after its boxes ("Erin Cunningham is an Egypt-based correspondent for The Post."):
     * prose in form, but it does not continue the story. Only read after a box: a story about a journalist may well
     * end on such a sentence.
     */
    private static final Pattern AUTHOR_BIO = Pattern.compile("^" + NAME + "\\s+is (?:a|an|the) [^.!?]{0,80}?\\b"
            + "(?:correspondent|reporter|writer|editor|journalist|columnist|contributor|producer|critic|analyst|"
            + "photographer|anchor|host|bureau chief)s?\\b.*");

    /** A box inside a story lists a few headlines; a longer list is a page's tail. */
    private static final int MAX_BOX_LINES = 12;

    /** A line of prose: a sentence's words, ending as a sentence does (a headline in a box of links does not). */
    private static final int MIN_PROSE_WORDS = 6;

    /** Longer publisher notes, allowed up to {@value #MAX_NOTE_WORDS} words because their wording is fixed. */
    private static final Pattern PUBLISHER_NOTE = Pattern.compile(String.join("|",
            "^a version of this (?:article|story) appear(?:s|ed) in print\\b.*$",
            "^(?:copyright|©)\\s*(?:\\(c\\)\\s*)?\\d{4}\\b.{0,250}$",
            "^.{0,80}\\ball rights reserved\\W*$",
            // sign-up prompts longer than a line of chrome, addressed to the reader: "Sign up for our free morning
            // briefing to get the top stories in your inbox." ("Sign up for vaccine alerts opened on Monday" is news)
            "^(?:sign up|subscribe)\\b.{0,40}\\b(?:our|your)\\b.{0,80}\\b(?:newsletters?|briefing|inbox|alerts|digest)\\b.{0,80}$",
            "^(?:have|got) a (?:story|tip|news tip)\\b.{0,40}\\?.{0,120}$",
            "^image (?:source|caption)\\s*[,:].*$",
            // a wire's credit line after the story: "(Reporting by Jane Doe in London; Editing by John Roe)"
            "^\\((?:additional )?(?:reporting|writing|editing|compiled|research|graphics)(?: by)?\\s[^()]{2,300}\\)\\W*$"));

    /**
     * A picture credit on a line of its own: "Getty Images", "JIM WATSON/AFP/Getty Images", "Photos by Jane Roe
     * (Shutterstock)". Names in capitals before an agency only, so "the company said, according to Reuters" is prose.
     */
    private static final Pattern CREDIT_LINE = Pattern.compile("^(?:(?i:photos?|photographs?|pictures?|images?|credit)"
            + "\\s*(?i:by|:)?\\s*)?(?:\\p{Lu}[\\p{L}.'’-]*+[\\s/,&]*+|(?i:and|via|for)\\s++){0,12}[(/\\s]*(?<!\\p{L})(?i:getty images"
            + "|reuters|afp|ap photo|ap|shutterstock|epa|pa media|pa wire|pa|alamy|bloomberg|ansa|xinhua)\\)?\\W*$");

    /** A credit is short: longer lines are not tried (and a hostile one cannot make the regex recurse deep). */
    private static final int MAX_CREDIT_CHARS = 120;

    private static boolean isCreditLine(String line) {
        return line.length() <= MAX_CREDIT_CHARS && CREDIT_LINE.matcher(line).matches();
    }

    private static final int MAX_NOTE_WORDS = 40;

    /**
     * Paragraphs that are article text, and the byline pulled out of them (or null).
     *
     * @param kept the positions of {@code paragraphs} in the list filtered, ascending
     * @param end  the position where the article ends: the trailing marker ("Related stories") that cut the rest, or
     *             the number of paragraphs filtered
     */
    public record Result(List<String> paragraphs, String byline, List<Integer> kept, int end) {

        /** The elements of {@code all} (one per paragraph filtered) at the kept positions. */
        public <T> List<T> keptOf(List<T> all) {
            List<T> out = new ArrayList<>(kept.size());
            for (int i : kept) {
                out.add(all.get(i));
            }
            return out;
        }
    }

    public Result filter(List<String> paragraphs) {
        return filter(paragraphs, null);
    }

    /**
     * As {@link #filter(List)}, with the paragraphs the source laid out itself marked (rows of a data table,
     * preformatted text): the byline, dateline and trailing-marker rules are not for them, since a table of opening
     * hours or fixtures is made of short lines and dates, a line of code is short, and a table missing rows misleads;
     * one that is chrome, a publisher's note or a credit still goes. A trailing-marker cut before them still ends the
     * text.
     *
     * @param laidOut per paragraph, whether the source laid it out; null for none
     */
    public Result filter(List<String> paragraphs, boolean[] laidOut) {
        List<String> kept = new ArrayList<>(paragraphs.size());
        List<Integer> positions = new ArrayList<>(paragraphs.size());
        String byline = null;
        int[] wordCounts = new int[paragraphs.size()];
        int total = 0;
        for (int i = 0; i < wordCounts.length; i++) {
            wordCounts[i] = wordCount(paragraphs.get(i));
            total += wordCounts[i];
        }
        int seen = 0;
        int end = paragraphs.size();
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            int words = wordCounts[i];
            if (laidOut != null && laidOut[i]) {
                seen += words;
                String block = p.strip();
                if (words > MAX_CHROME_WORDS || !isChromeNoteOrCredit(block, block.toLowerCase(Locale.ROOT))) {
                    kept.add(p);
                    positions.add(i);
                }
                continue;
            }
            if (words <= MAX_CHROME_WORDS) {
                String line = p.strip();
                String name = byline == null ? bylineOfStripped(line) : null;
                if (name != null) {
                    byline = name;
                    seen += words;
                    continue;
                }
                String lower = line.toLowerCase(Locale.ROOT);
                boolean edge = i < DATELINE_EDGE || i >= paragraphs.size() - DATELINE_EDGE;
                if (isChromeNoteOrCredit(line, lower) || edge && isDateLine(lower)) {
                    seen += words;
                    continue;
                }
                if (!kept.isEmpty() && TRAILING_MARKER.matcher(lower).matches()) {
                    int resume = BOX_MARKER.matcher(lower).matches() ? storyAfterBox(paragraphs, wordCounts, i + 1) : -1;
                    if (resume > 0) {
                        // a box of other stories inside this one: the box goes, with its headlines, and the story
                        // goes on (short news paragraphs read as the lines of a list to the rule below)
                        for (int k = i; k < resume; k++) {
                            seen += wordCounts[k];
                        }
                        i = resume - 1;
                        continue;
                    }
                    if (onlyShortLinesFollow(wordCounts, i + 1) || seen >= total * 2 / 3) {
                        end = i;
                        break;
                    }
                    seen += words;
                    continue;
                }
            }
            if (words > MAX_CHROME_WORDS && words <= MAX_NOTE_WORDS && mayBePublisherNote(p)
                    && PUBLISHER_NOTE.matcher(p.strip().toLowerCase(Locale.ROOT)).matches()) {
                seen += words;
                continue;
            }
            seen += words;
            kept.add(p);
            positions.add(i);
        }
        return new Result(kept, byline, positions, end);
    }

    /**
     * A short line that is chrome, a publisher's note or a credit; as a table row, a site's footer laid out as a
     * table. {@code lower} is {@code line} in lower case.
     */
    private static boolean isChromeNoteOrCredit(String line, String lower) {
        return CHROME.matcher(lower).matches() || PUBLISHER_NOTE.matcher(lower).matches() || isCreditLine(line);
    }

    /** True when the whole line is chrome (bookmark, newsletter, spam, cookie, share, ad label, promotion). */
    public boolean isChrome(String line) {
        String s = line.strip();
        if (s.isEmpty() || wordCount(s) > MAX_CHROME_WORDS) {
            return false;
        }
        return CHROME.matcher(s.toLowerCase(Locale.ROOT)).matches() || isCreditLine(s);
    }

    /** True when the whole line is a dateline; {@link #filter} only drops it near the start or end of the text. */
    public boolean isDateline(String line) {
        String s = line.strip();
        return !s.isEmpty() && wordCount(s) <= MAX_CHROME_WORDS && isDateLine(s.toLowerCase(Locale.ROOT));
    }

    /**
     * A line made only of date and time words ("Published: 5 March 2024, 10:32 GMT", "Updated 2 hours ago"), with
     * at least one number and one word (a month, a weekday, "updated", ...): the page's dateline, not text.
     */
    static boolean isDateLine(String lower) {
        String[] words = DATE_SEPARATORS.split(lower);
        boolean number = false;
        boolean word = false;
        int count = 0;
        for (String w : words) {
            String t = w.endsWith(":") || w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
            if (t.isEmpty() || t.equals("-") || t.equals("–") || t.equals("—") || t.equals("/")) {
                continue;
            }
            if (!DATE_WORD.matcher(t).matches()) {
                return false;
            }
            count++;
            if (Character.isDigit(t.charAt(0))) {
                number = true;
            } else {
                word = true;
            }
        }
        return number && word && count >= 2;
    }

    /** The author named by a byline line ("Post by : Jane Doe" gives "Jane Doe"), or null if it is not one. */
    public String bylineOf(String line) {
        return bylineOfStripped(line.strip());
    }

    private static String bylineOfStripped(String s) {
        if (s.isEmpty() || s.length() > 120 || !mayBeByline(s)) {
            return null;
        }
        Matcher m = BYLINE.matcher(s);
        if (!m.matches()) {
            m = AUTHOR_LABEL.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        String name = m.group(1).strip();
        return name.isEmpty() ? null : name;
    }

    /**
     * Cheap guard before {@link #PUBLISHER_NOTE} on a long paragraph (a lower-cased copy and a regex that tries 80
     * starts): each of its alternatives needs "a version of this", "copyright", "©", "sign up", "subscribe", "have a",
     * "got a" or "image" at the start, or "all rights reserved" somewhere. Compared ignoring case char by char, which accepts everything the lower-cased line could
     * match, so it only skips lines the regex would reject.
     */
    static boolean mayBePublisherNote(String p) {
        String s = p.strip();
        if (s.regionMatches(true, 0, "a version of this", 0, 17) || s.regionMatches(true, 0, "copyright", 0, 9)
                || s.startsWith("©") || s.regionMatches(true, 0, "sign up", 0, 7)
                || s.regionMatches(true, 0, "subscribe", 0, 9) || s.regionMatches(true, 0, "have a ", 0, 7)
                || s.regionMatches(true, 0, "got a ", 0, 6) || s.regionMatches(true, 0, "image ", 0, 6)
                || s.startsWith("(") && s.endsWith(")")) {
            return true;
        }
        for (int at = 0, last = s.length() - 19; at <= last; at++) {
            char c = s.charAt(at);
            if ((c == 'a' || c == 'A' || c > 0x7f) && s.regionMatches(true, at, "all rights reserved", 0, 19)) {
                return true;
            }
        }
        return false;
    }

    /** Cheap guard before the byline regexes: the line must contain "by" or a label's first letters. */
    private static boolean mayBeByline(String s) {
        char c = Character.toLowerCase(s.charAt(0));
        return c == 'b' || c == 'p' || c == 'w' || c == 'a' || c == 'r' || c == 's' || c == 't' || c == 'v'
                || c == 'd';
    }

    /**
     * Where the story goes on after a box that starts at {@code from}: the box is at most {@value #MAX_BOX_LINES}
     * short lines that are not sentences (its headlines; none at all for a lone "Read more"), and the story after it
     * opens with a line of prose and is mostly prose up to the next marker. -1 when that is not so: the marker then
     * heads the page's tail, as before.
     */
    private static int storyAfterBox(List<String> paragraphs, int[] wordCounts, int from) {
        int j = from;
        while (j < paragraphs.size() && j - from < MAX_BOX_LINES && wordCounts[j] <= MAX_LIST_LINE_WORDS
                && !isProse(paragraphs.get(j), wordCounts[j]) && !isMarker(paragraphs.get(j), wordCounts[j])) {
            j++;
        }
        if (j >= paragraphs.size() || !isProse(paragraphs.get(j), wordCounts[j])
                || paragraphs.get(j).length() <= MAX_CREDIT_CHARS * 2 && AUTHOR_BIO.matcher(paragraphs.get(j).strip()).matches()) {
            return -1;
        }
        int words = 0;
        int proseWords = 0;
        int lines = 0;
        int headlines = 0;
        for (int k = j; k < paragraphs.size() && !isMarker(paragraphs.get(k), wordCounts[k]); k++) {
            String line = paragraphs.get(k);
            boolean prose = isProse(line, wordCounts[k]);
            words += wordCounts[k];
            proseWords += prose ? wordCounts[k] : 0;
            lines++;
            headlines += !prose && wordCounts[k] <= MAX_LIST_LINE_WORDS && !REPORTING_CREDIT.matcher(line).find() ? 1 : 0;
        }
        // a box that gives each headline a line of summary alternates them: its "story" is a third headlines or more.
        // One line of prose after a box with nothing after it is taken for the story's last paragraph, not a summary:
        // losing a story's words is worse than keeping a box's one summary
        boolean boxOfSummaries = 3 * headlines >= lines;
        return 2 * proseWords >= words && !boxOfSummaries ? j : -1;
    }

    /** A credit after the story, not a headline: "Additional reporting by ...", "... contributed to this report." */
    private static final Pattern REPORTING_CREDIT = Pattern.compile(
            "(?i)^\\(?(?:additional )?(?:reporting|writing|editing|research) by\\b|contributed to this report");

    private static boolean isMarker(String line, int words) {
        return words <= MAX_CHROME_WORDS && TRAILING_MARKER.matcher(line.strip().toLowerCase(Locale.ROOT)).matches();
    }

    private static boolean isProse(String line, int words) {
        if (words < MIN_PROSE_WORDS) {
            return false;
        }
        String s = line.strip();
        int i = s.length() - 1;
        while (i > 0 && "\"')]\u201d\u2019\u00bb".indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        return ".!?\u2026\u3002\uff01\uff1f".indexOf(s.charAt(i)) >= 0;
    }

    private static boolean onlyShortLinesFollow(int[] wordCounts, int from) {
        for (int i = from; i < wordCounts.length; i++) {
            if (wordCounts[i] > MAX_LIST_LINE_WORDS) {
                return false;
            }
        }
        return true;
    }

    static int wordCount(String s) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            boolean space = ParagraphCollector.isSpace(s.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
