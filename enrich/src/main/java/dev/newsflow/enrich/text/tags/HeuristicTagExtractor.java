package dev.newsflow.enrich.text.tags;

import dev.newsflow.enrich.text.ArticleTag;
import dev.newsflow.enrich.text.ArticleTag.Kind;
import dev.newsflow.enrich.text.TagExtractor;
import dev.newsflow.enrich.text.teaser.Dateline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds up to {@value #MAX_TAGS} ranked tags in an article without a part-of-speech tagger (which we measured at
 * about 16 ms an article, far over the stream's budget).
 *
 * <p>Reads the headline and the first {@value #MAX_BODY_CHARS} characters of the paragraphs (a leading dateline
 * removed); writes tags with a score in [0, 1]:
 * <ul>
 *   <li><b>Names</b> are runs of capitalised words in the body ("Bank of England", "Charles de Gaulle" keep their
 *       joiners). A leading function word ("The", "In") is dropped; a sentence's first word alone counts half,
 *       since it may be capitalised only for its position.</li>
 *   <li><b>Kind</b>: a title before the name ("Mr", "President", "Prime Minister") makes a person; a name in the
 *       gazetteer of countries, cities and regions, or a first or last word such as River, Lake, Street, a place;
 *       a first or last word such as Bank, Party, Ministry,
 *       University, Inc an organisation; an acronym an organisation (or a place, "US"); two or three plain
 *       capitalised words a person when the first is a common first name or the story later uses the last alone
 *       ("Safin said"); "in X" a place; anything else stays a key phrase.</li>
 *   <li><b>Key phrases</b>: runs of lower-case content words between function words and punctuation (RAKE-like);
 *       one- and two-word phrases that occur twice or appear in the headline.</li>
 *   <li><b>Ranking</b>: occurrences, plus a boost when in the headline and when in the first paragraph; divided by
 *       the best score. Headline capitals are not trusted (title case), the headline only boosts.</li>
 *   <li><b>Deduplication</b>: names are keyed in lower case without a possessive "'s"; a lone "Smith" merges into
 *       "John Smith", an acronym into the name it abbreviates ("EU" into "European Union"), a phrase that is part
 *       of a name ("bank" beside "Bank of England") or of a frequent longer phrase is dropped.</li>
 * </ul>
 * Names shared by people and places ("Georgia", "Jordan") follow the gazetteer; that is the price of not tagging
 * parts of speech.
 */
public final class HeuristicTagExtractor implements TagExtractor {

    public static final int MAX_TAGS = 10;
    static final int MAX_BODY_CHARS = 1500;
    private static final double HEADLINE_BOOST = 2.0;
    private static final double LEAD_BOOST = 0.5;
    private static final double SENTENCE_INITIAL_WEIGHT = 0.5;
    private static final double PHRASE_WEIGHT = 0.6;
    private static final double BIGRAM_WEIGHT = 1.5;
    private static final int MIN_PHRASE_WORD = 4;
    /** A tag scores at least this share of the best one (a word or name mentioned once in passing scores less). */
    private static final double MIN_RELATIVE_SCORE = 0.2;
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr");

    private final int maxTags;

    public HeuristicTagExtractor() {
        this(MAX_TAGS);
    }

    public HeuristicTagExtractor(int maxTags) {
        if (maxTags < 1) {
            throw new IllegalArgumentException("maxTags must be positive, was " + maxTags);
        }
        this.maxTags = maxTags;
    }

    @Override
    public List<ArticleTag> extract(String headline, List<String> paragraphs, String language) {
        Map<String, Candidate> names = new LinkedHashMap<>();
        Map<String, Candidate> phrases = new HashMap<>();
        // the rules are English: in another language only names a rule recognised, or of several words, are tags (a
        // German noun is capitalised, "Mittwoch"; key phrases run between English function words, "tras", "vencer")
        boolean english = language == null || language.isEmpty() || language.equals("en")
                || language.equals(dev.newsflow.enrich.text.DetectedLanguage.UNDETERMINED);
        int budget = MAX_BODY_CHARS;
        boolean lead = true;
        for (String paragraph : paragraphs == null ? List.<String>of() : paragraphs) {
            if (budget <= 0) {
                break;
            }
            String text = Dateline.strip(paragraph.length() > budget ? paragraph.substring(0, budget) : paragraph);
            budget -= text.length();
            scan(Token.split(text), names, phrases, lead, english);
            lead = false;
        }
        String headlineLower = " " + normaliseForMatch(headline == null ? "" : headline) + " ";
        mergeNames(names);
        dropPhrasesInsideNamesOrLongerPhrases(phrases, names);

        List<Candidate> all = new ArrayList<>(names.size() + phrases.size());
        for (Candidate c : names.values()) {
            if (c.strength == 0 && c.key.indexOf(' ') < 0 && (!english || !Gazetteer.isTaggableName(c.key))) {
                continue; // "Behind", "Dr", "I'm": capitalised, but neither a name nor a noun
            }
            c.score += c.weight + (c.lead ? LEAD_BOOST : 0) + (inHeadline(headlineLower, c.key) ? HEADLINE_BOOST : 0);
            all.add(c);
        }
        for (Candidate c : english ? phrases.values() : List.<Candidate>of()) {
            boolean headlined = inHeadline(headlineLower, c.key);
            if (c.weight < 2 && !headlined || !Gazetteer.isTaggablePhrase(c.key)) {
                continue;
            }
            c.score += PHRASE_WEIGHT * c.weight * (c.key.indexOf(' ') > 0 ? BIGRAM_WEIGHT : 1.0)
                    + (headlined ? HEADLINE_BOOST : 0);
            all.add(c);
        }
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.key));
        double best = all.get(0).score;
        List<ArticleTag> tags = new ArrayList<>(maxTags);
        for (Candidate c : all) {
            if (tags.size() == maxTags || c.score < MIN_RELATIVE_SCORE * best) {
                break; // the rest are passing mentions, not what the article is about
            }
            tags.add(new ArticleTag(c.kind == Kind.PLACE ? unshouted(c.display) : c.display, c.kind,
                    Math.round(c.score / best * 1000) / 1000.0));
        }
        return List.copyOf(tags);
    }

    /**
     * A place written in capitals, as datelines write it ("NEW YORK", "PARIS"), as a name: "New York". Short ones stay
     * as written, since they may be acronyms ("UAE", "USSR").
     */
    static String unshouted(String place) {
        if (place.length() < 5 || place.codePoints().anyMatch(Character::isLowerCase)) {
            return place;
        }
        StringBuilder out = new StringBuilder(place.length());
        for (String word : place.split(" ", -1)) {
            if (word.length() < 3) {
                return place;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            // "GUINEA-BISSAU" as "Guinea-Bissau", "PORT-AU-PRINCE" as "Port-Au-Prince" (close, not the gazetteer's)
            boolean capital = true;
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                out.append(capital ? c : Character.toLowerCase(c));
                capital = c == '-' || c == '\'' || c == '’';
            }
        }
        return out.toString();
    }

    private static void scan(List<Token> tokens, Map<String, Candidate> names, Map<String, Candidate> phrases,
                             boolean lead, boolean english) {
        int n = tokens.size();
        int i = 0;
        List<String> chunk = new ArrayList<>(4);
        while (i < n) {
            Token t = tokens.get(i);
            if (!t.capitalised && !(english && opensArabicName(tokens, i))) {
                if (t.stopWord || t.numeric || t.breakAfter) {
                    if (!t.stopWord && !t.numeric) {
                        chunk.add(t.lower);
                    }
                    flushPhrases(chunk, phrases, lead);
                } else {
                    chunk.add(t.lower);
                }
                i++;
                continue;
            }
            flushPhrases(chunk, phrases, lead);
            int j = i + 1;
            if (!t.breakAfter && !t.possessive) {
                while (j < n) {
                    Token u = tokens.get(j);
                    Token prev = tokens.get(j - 1);
                    if (prev.breakAfter || prev.possessive && !(u.capitalised && isNameEnd(tokens, j))) {
                        // a possessive ends a name ("Harbour City's Marco Bellini") unless an organisation or place
                        // word ends it ("St Aldric's Hospital", "King's College")
                        break;
                    }
                    if (u.capitalised && !Gazetteer.DATE_WORDS.contains(u.lower)) {
                        // a name never runs into a date: "Aisha Rahman November 28"
                        j++;
                    } else if (Gazetteer.NAME_JOINERS.contains(u.lower) && !u.breakAfter && j + 1 < n
                            && tokens.get(j + 1).capitalised && !tokens.get(j + 1).stopWord) {
                        // "Bank of England", "Rostov on Don"; never into a date word: "Kandar on Saturday"
                        j++;
                    } else {
                        break;
                    }
                }
            }
            addName(tokens, i, j, names, lead);
            i = j;
        }
        flushPhrases(chunk, phrases, lead);
    }

    /**
     * In English text, the Arabic article in lower case before a name opens it: "al Qaeda", "el Baradei" (else the
     * tag is "Qaeda"); inside a name it is a joiner already ("Abu Musab al Zarqawi"). Not in Spanish: "al
     * Barcelona", "el Real Madrid".
     */
    private static boolean opensArabicName(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!(t.lower.equals("al") || t.lower.equals("el")) || t.breakAfter || i + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(i + 1);
        return next.capitalised && !next.stopWord && !next.acronym && !Gazetteer.DATE_WORDS.contains(next.lower);
    }

    private static void addName(List<Token> tokens, int from, int to, Map<String, Candidate> names, boolean lead) {
        int innerTitle = innerTitle(tokens, from, to);
        if (innerTitle > 0) {
            // "Facebook CEO Mark Zuckerberg", "Chelsea Manager Jose Mourinho": an affiliation, then a titled person;
            // before "Secretary" or "Minister" the words are a portfolio ("Industry Secretary"), not a tag, unless
            // they name a body or a place ("UN Secretary General ...", "UK Chancellor ...")
            if (!Gazetteer.PORTFOLIO_TITLES.contains(tokens.get(innerTitle).lower) || namesABody(tokens, from, innerTitle)) {
                addName(tokens, from, innerTitle, names, lead);
            }
            addName(tokens, innerTitle, to, names, lead);
            return;
        }
        int personAt = personAfterOffice(tokens, from, to);
        if (personAt > 0) {
            // "US Secretary of State Colin Powell", "Deputy Prime Minister John Prescott", "UN Secretary-General Kofi
            // Annan": an office of several words, then the person; the office is no tag, a body or place before it is
            int title = from;
            while (!isTitleWord(tokens.get(title).lower) && !isTitleModifier(tokens.get(title).lower)) {
                title++; // "US Deputy Secretary of State ...": the body is "US"
            }
            if (title > from && namesABody(tokens, from, title)) {
                addName(tokens, from, title, names, lead);
            }
            addName(tokens, personAt, to, names, lead);
            return;
        }
        boolean sentenceInitial = tokens.get(from).sentenceStart;
        // a title right before the name, with no punctuation between ("director Naomi Clarke", not "director. Behind");
        // a role ("boss", "analyst") only counts after the name has passed the place and organisation tests, since
        // news copy also writes "top producer Saudi Arabia" and "search leader Google Inc."
        String before = from > 0 && !tokens.get(from - 1).breakAfter ? tokens.get(from - 1).lower.replace(".", "") : "";
        boolean titled = !before.isEmpty() && isTitleWord(before); // also "Secretary-General"
        // a role before a first name ("Chelsea boss Jose Mourinho"), not before a company ("market leader Coca Cola")
        boolean roleTitled = !titled && to - from >= 2 && Gazetteer.ROLE_TITLES.contains(before)
                && Gazetteer.isFirstName(tokens.get(from).lower);
        int titleAt = -1;
        int start = from;
        while (start < to) {
            Token t = tokens.get(start);
            String bare = t.lower.replace(".", "");
            if (Gazetteer.PERSON_TITLES.contains(bare) && start + 1 < to
                    && !Gazetteer.NAME_JOINERS.contains(tokens.get(start + 1).lower)
                    && !(bare.equals("general") && titleAt < 0 && !Gazetteer.isFirstName(tokens.get(start + 1).lower))) {
                // "Director Valentina Ocampo", but "Director of Public Prosecutions" is an office, not a person,
                // and "General Motors" a company; after a title "General" is part of it ("Secretary General Kofi
                // Annan")
                titled = true;
                titleAt = titleAt < 0 ? start : titleAt;
                start++;
            } else if (Gazetteer.ROLE_TITLES.contains(bare) && to - start > 2
                    && Gazetteer.isFirstName(tokens.get(start + 1).lower)) {
                // "Actor Colin Farrell", but "Producer Price Index" is no person
                roleTitled = true;
                start++;
            } else if ((isTitleModifier(bare) || Gazetteer.isDemonym(bare)) && start + 1 < to
                    && Gazetteer.PERSON_TITLES.contains(tokens.get(start + 1).lower)
                    || Gazetteer.isDemonym(bare) && start + 2 < to && isTitleModifier(tokens.get(start + 1).lower)
                    && Gazetteer.PERSON_TITLES.contains(tokens.get(start + 2).lower)) {
                // "Prime Minister ...", "French President Emmanuel Macron", "British Prime Minister Tony Blair": the
                // title's words are not the name
                start++;
            } else if (Gazetteer.isDemonym(bare) && start + 2 < to
                    && Gazetteer.isFirstName(tokens.get(start + 1).lower)) {
                // "American Robby Ginepri": the person is the tag, not the nationality
                start++;
            } else if (start == from && sentenceInitial && to - start == 3 && !t.acronym
                    && Gazetteer.isFirstName(tokens.get(start + 1).lower) && !Gazetteer.isFirstName(t.lower)) {
                // "Referee Graham Poll", "Defiant Matt Williams": a sentence's first word before a first name and
                // a surname is capitalised for its position
                start++;
                sentenceInitial = false;
            } else if (t.stopWord && !opensName(tokens, start, to, sentenceInitial)
                    || start == from && sentenceInitial && start + 1 < to && isInflectedVerb(t.lower)) {
                // "The ...", or a verb capitalised only because a sentence starts with it: "Adds Redmoor ..."
                start++;
                sentenceInitial = false;
            } else {
                break;
            }
        }
        if (start >= to || (titled || roleTitled) && to - start == 1
                && Gazetteer.PERSON_TITLES.contains(tokens.get(start).lower)) {
            return; // nothing after the title, or only another title: "Attorney General"
        }
        if (titled && titleAt >= 0 && Gazetteer.ORGANISATION_WORDS.contains(tokens.get(to - 1).lower)
                && (to - start > 1 || !HONORIFICS.contains(tokens.get(titleAt).lower.replace(".", "")))) {
            // "Queen Elizabeth Hospital", "Queen Mary University", "Justice Department": a body named after a person
            // or an office, title and all; "Mr Church" is a person
            start = titleAt;
            titled = false;
        }
        boolean stillInitial = sentenceInitial && start == from;
        StringBuilder display = new StringBuilder();
        StringBuilder keyText = new StringBuilder();
        for (int k = start; k < to; k++) {
            if (k > start) {
                display.append(' ');
                keyText.append(' ');
            }
            display.append(tokens.get(k).display());
            keyText.append(tokens.get(k).keyForm());
            if (k + 1 < to && tokens.get(k).possessive) {
                display.append("'s"); // "St Aldric's Hospital"; the key has no possessive, like the headline's words
            }
        }
        String name = display.toString();
        String key = keyText.toString();
        if (Gazetteer.NEWS_AGENCIES.contains(key)) {
            return;
        }
        int words = to - start;
        Token first = tokens.get(start);
        Token last = tokens.get(to - 1);
        boolean afterPlacePreposition = start > 0 && from == start
                && (tokens.get(start - 1).lower.equals("in") || tokens.get(start - 1).lower.equals("near"));
        Kind kind;
        int strength;
        boolean couldBePerson = false;
        if (titled) {
            kind = Kind.PERSON;
            strength = 4;
        } else if (Gazetteer.PLACES.contains(key)) {
            kind = Kind.PLACE;
            strength = 3;
        } else if (Gazetteer.ORGANISATION_WORDS.contains(last.lower) || words > 1
                && Gazetteer.ORGANISATION_WORDS.contains(first.lower)
                || Gazetteer.ORGANISATIONS_NAMED_LIKE_PEOPLE.contains(key.replace(" &", "").replace(" and", ""))) {
            kind = Kind.ORGANISATION;
            strength = 3;
        } else if (words > 1 && (Gazetteer.PLACE_WORDS.contains(first.lower)
                || Gazetteer.PLACE_WORDS.contains(last.lower)
                || Gazetteer.endsVenueName(tokens.get(to - 2).lower, last.lower))) {
            kind = Kind.PLACE;
            strength = 3;
        } else if (words == 1 && first.acronym) {
            kind = Kind.ORGANISATION;
            strength = 2;
        } else if (roleTitled && !Gazetteer.NOT_PERSON_ENDINGS.contains(last.lower) && !Gazetteer.isDemonym(first.lower)) {
            kind = Kind.PERSON;
            strength = 3;
        } else if (words >= 2 && words - initials(tokens, start, to) <= 3 && isPlainNameRun(tokens, start, to)) {
            // "Roger Federer" by its first name; "Whole Foods" gets no kind, unless the story later calls the name
            // by its last word alone, as it does a person (mergeNames); "Academy Awards", "Hurricane Mitch" and
            // "Australian Open" never are people
            couldBePerson = !Gazetteer.NOT_PERSON_ENDINGS.contains(last.lower)
                    && !Gazetteer.NOT_PERSON_STARTS.contains(first.lower) && !Gazetteer.isDemonym(first.lower);
            boolean person = couldBePerson && Gazetteer.isFirstName(first.lower);
            kind = person ? Kind.PERSON : Kind.PHRASE;
            strength = person ? 1 : 0;
        } else if (words == 1 && afterPlacePreposition && !Gazetteer.isDemonym(first.lower)) {
            kind = Kind.PLACE;
            strength = 1;
        } else {
            kind = Kind.PHRASE;
            strength = 0;
        }
        // "Safin said", not "the Cathedral was full": a person is called by the surname alone, a building or a body
        // with an article
        boolean bare = words == 1 && (start == 0 || !ARTICLES.contains(tokens.get(start - 1).lower));
        if (stillInitial && words == 1 && strength < 3 && !first.acronym) {
            // "Officials said ..." or "Smith said ...": capitalised only by position unless seen elsewhere
            Candidate existing = names.get(key);
            double w = SENTENCE_INITIAL_WEIGHT;
            if (existing == null) {
                Candidate c = new Candidate(key, name, kind, strength, lead);
                c.weight = w;
                c.onlyInitial = true;
                c.bare = bare;
                names.put(key, c);
            } else {
                existing.weight += w;
                existing.bare |= bare;
            }
            return;
        }
        Candidate c = names.computeIfAbsent(key, k -> new Candidate(k, name, kind, strength, lead));
        c.weight += 1;
        c.onlyInitial = false;
        c.bare |= bare;
        c.couldBePerson |= couldBePerson;
        if (strength > c.strength) {
            c.kind = kind;
            c.strength = strength;
        }
    }

    /**
     * Function words that open names when capitalised: "Los Angeles", "Las Vegas", "All Blacks", "Six Nations",
     * "Al Jazeera", "El Salvador", "La Liga", "Le Monde", "Da Vinci Code" (the tag was the name's tail: "Angeles").
     */
    private static final Set<String> NAME_OPENERS = Set.of("new", "los", "las", "la", "le", "les", "el", "al", "all",
            "six", "da", "di", "du", "del", "des");

    /**
     * Whether a leading function word belongs to the name: "New York", "New Line Cinema", "the All Blacks" inside a
     * sentence; at a sentence's start only a known place ("New Zealand ...", "Los Angeles ..."), since "New Chelsea
     * manager ..." and "All Labour MPs ..." open with an adjective.
     */
    private static boolean opensName(List<Token> tokens, int start, int to, boolean sentenceInitial) {
        String opener = tokens.get(start).lower;
        // "New Year" ("year" is a stop word), but not "All The ..." or "Six Of ..."
        if (start + 1 >= to || !NAME_OPENERS.contains(opener) || !opener.equals("new") && tokens.get(start + 1).stopWord) {
            return false;
        }
        if (!sentenceInitial) {
            return true;
        }
        return Gazetteer.PLACES.contains(opener + " " + tokens.get(start + 1).lower) || to - start > 2
                && Gazetteer.PLACES.contains(opener + " " + tokens.get(start + 1).lower + " " + tokens.get(start + 2).lower);
    }

    /**
     * The position of a title inside a run, after a word that names something ("Facebook CEO Mark Zuckerberg"), or
     * -1; not in "Prime Minister Tony Blair", "Former President ..." or "Director General Greg Dyke", whose words
     * before the title are part of it, nor before "of" ("Secretary of State").
     */
    private static int innerTitle(List<Token> tokens, int from, int to) {
        boolean named = false;
        for (int k = from; k < to - 1; k++) {
            String bare = tokens.get(k).lower.replace(".", "");
            boolean title = Gazetteer.PERSON_TITLES.contains(bare) || Gazetteer.ROLE_TITLES.contains(bare);
            if (named && title && !Gazetteer.NAME_JOINERS.contains(tokens.get(k + 1).lower)
                    && (HONORIFICS.contains(bare) || personFollows(tokens, k + 1, to, Gazetteer.PERSON_TITLES.contains(bare)))) {
                return k;
            }
            named |= !(tokens.get(k).stopWord || title || isTitleModifier(bare) || Gazetteer.isDemonym(bare)
                    || Gazetteer.NAME_JOINERS.contains(bare));
        }
        return -1;
    }

    /**
     * Whether the words from {@code at}, after any further title ("Secretary General António Guterres"), are a
     * person's name: two or more, after a title ("Tesla CEO Elon Musk") any that do not end like a place, body or
     * event, after a role ("boss", "analyst") only from a first name. So "Notre Dame Cathedral", "Billie Jean King
     * Cup" and "Martin Luther King Day" stay whole (one word after the title); after "Mr", "Mrs", "Ms" or "Dr" a
     * surname alone is enough ("Earlier Mr Kennedy", see the caller).
     */
    private static boolean personFollows(List<Token> tokens, int at, int to, boolean afterTitle) {
        int k = at;
        while (k < to && (Gazetteer.PERSON_TITLES.contains(tokens.get(k).lower) || isTitleModifier(tokens.get(k).lower))) {
            k++;
        }
        if (to - k < 2) {
            return false;
        }
        String last = tokens.get(to - 1).lower;
        // two or three words, none a joiner ("Cup on Martin Luther King Day" is no name), none ending like a body
        boolean nameLike = to - k <= 3 && !Gazetteer.endsNoPersonsName(last)
                && tokens.subList(k, to).stream().noneMatch(t -> t.stopWord || Gazetteer.NAME_JOINERS.contains(t.lower));
        return Gazetteer.isFirstName(tokens.get(k).lower) || afterTitle && nameLike;
    }

    /**
     * Where a person's name starts after an office the run opens with, or -1: the last two words (three with a
     * middle initial, "Colin L. Powell"), from a known first name or right after the title, after at least two words of which one is a title
     * ("Secretary", "Minister", "Secretary-General"). Cases with a single title word before the name, and a name
     * after an affiliation, are {@link #innerTitle}'s and the title tests'.
     */
    private static int personAfterOffice(List<Token> tokens, int from, int to) {
        int at = to - 2;
        if (at - 1 > from && initials(tokens, at - 1, to) == 1) {
            at--; // "Colin L. Powell"
        }
        if (at - from < 2 || tokens.get(at - 1).stopWord
                || !Gazetteer.isFirstName(tokens.get(at).lower) && !isTitleWord(tokens.get(at - 1).lower)
                || Gazetteer.endsNoPersonsName(tokens.get(to - 1).lower)) {
            return -1;
        }
        for (int k = at; k < to; k++) {
            if (tokens.get(k).acronym || tokens.get(k).stopWord || isTitleWord(tokens.get(k).lower)) {
                return -1;
            }
        }
        // the office ends with its title ("Deputy Prime Minister John Prescott") or runs on from it with "of" or
        // "for" ("Secretary of State Colin Powell"); a title before three names is a title of all three ("President
        // Jose Manuel Barroso")
        for (int k = at - 1; k >= from; k--) {
            if (isTitleWord(tokens.get(k).lower)) {
                return k == at - 1 || Gazetteer.NAME_JOINERS.contains(tokens.get(k + 1).lower) ? at : -1;
            }
        }
        return -1;
    }

    /** A person's title, also hyphenated ("Secretary-General", "Attorney-General"). */
    private static boolean isTitleWord(String lower) {
        String bare = lower.replace(".", "");
        if (Gazetteer.PERSON_TITLES.contains(bare)) {
            return true;
        }
        int hyphen = bare.indexOf('-');
        return hyphen > 0 && Gazetteer.PERSON_TITLES.contains(bare.substring(0, hyphen));
    }

    /** "UN", "UK", "Bank of England": words before a title that name a body or place, not a portfolio. */
    private static boolean namesABody(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.acronym || Gazetteer.PLACES.contains(t.lower) || Gazetteer.ORGANISATION_WORDS.contains(t.lower)) {
                return true;
            }
        }
        return false;
    }

    /** The capitalised word at {@code j} is an organisation or place word that can end a name. */
    private static boolean isNameEnd(List<Token> tokens, int j) {
        String word = tokens.get(j).lower;
        return Gazetteer.ORGANISATION_WORDS.contains(word) || Gazetteer.PLACE_WORDS.contains(word);
    }

    /** "adds", "warned", "leading": an inflected form of a word that is rarely a noun; names rarely look like that. */
    private static boolean isInflectedVerb(String word) {
        return (word.endsWith("s") || word.endsWith("ed") || word.endsWith("ing")) && Gazetteer.NOT_NOUNS.contains(word);
    }

    private static boolean isTitleModifier(String word) {
        return word.equals("prime") || word.equals("foreign") || word.equals("finance") || word.equals("defence")
                || word.equals("defense") || word.equals("vice") || word.equals("deputy") || word.equals("chief")
                || word.equals("home") || word.equals("interior") || word.equals("health") || word.equals("former")
                || word.equals("general") // "General Secretary Brendan Barber"
                || word.equals("attorney") || word.equals("solicitor") || word.equals("surgeon")
                || word.equals("inspector"); // "Attorney General John Ashcroft"
    }

    /** Middle initials ("W." in "George W. Bush"), which do not count against a name's length. */
    private static int initials(List<Token> tokens, int from, int to) {
        int count = 0;
        for (int k = from + 1; k < to - 1; k++) {
            String text = tokens.get(k).text;
            count += text.length() == 2 && text.charAt(1) == '.' ? 1 : 0;
        }
        return count;
    }

    private static boolean isPlainNameRun(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (!t.capitalised || t.acronym || t.numeric || Gazetteer.PLACES.contains(t.lower)) {
                return false;
            }
        }
        return true;
    }

    private static void flushPhrases(List<String> chunk, Map<String, Candidate> phrases, boolean lead) {
        for (int k = 0; k < chunk.size(); k++) {
            String word = chunk.get(k);
            if (word.length() >= MIN_PHRASE_WORD) {
                countPhrase(word, phrases, lead);
            }
            if (k + 1 < chunk.size()) {
                String next = chunk.get(k + 1);
                if (word.length() >= 3 && next.length() >= 3) {
                    countPhrase(word + ' ' + next, phrases, lead);
                }
            }
        }
        chunk.clear();
    }

    private static void countPhrase(String phrase, Map<String, Candidate> phrases, boolean lead) {
        Candidate c = phrases.computeIfAbsent(phrase, k -> new Candidate(k, k, Kind.PHRASE, 0, lead));
        c.weight += 1;
    }

    /** "Smith" into "John Smith", "EU" into "European Union"; names seen only sentence-initially once are dropped. */
    private static void mergeNames(Map<String, Candidate> names) {
        List<Candidate> multi = new ArrayList<>();
        List<String> multiInitials = new ArrayList<>();
        for (Candidate c : names.values()) {
            if (c.key.indexOf(' ') > 0) {
                multi.add(c);
                multiInitials.add(initials(c.display));
            }
        }
        Iterator<Candidate> it = names.values().iterator();
        while (it.hasNext()) {
            Candidate single = it.next();
            if (single.key.indexOf(' ') > 0) {
                continue;
            }
            Candidate into = null;
            for (int k = 0; k < multi.size(); k++) {
                Candidate m = multi.get(k);
                boolean partOf = m.key.endsWith(single.key) && m.key.charAt(m.key.length() - single.key.length() - 1) == ' '
                        || m.key.startsWith(single.key) && m.key.charAt(single.key.length()) == ' ';
                if (partOf && (m.kind == Kind.PERSON || single.kind != Kind.PLACE)
                        || single.display.length() >= 2 && single.display.equals(multiInitials.get(k))) {
                    into = m;
                    break;
                }
            }
            if (into != null) {
                into.weight += single.weight;
                into.lead |= single.lead;
                if (into.couldBePerson && into.kind != Kind.PERSON
                        && (single.kind == Kind.PERSON || single.bare && into.key.endsWith(" " + single.key))) {
                    // "Marat Safin ... Safin said": a story calls a person by the last name, a company by the first
                    into.kind = Kind.PERSON;
                    into.strength = Math.max(1, single.strength);
                }
                it.remove();
            } else if (single.onlyInitial && single.weight < 1) {
                it.remove();
            }
        }
    }

    private static void dropPhrasesInsideNamesOrLongerPhrases(Map<String, Candidate> phrases,
                                                             Map<String, Candidate> names) {
        Set<String> nameWords = new HashSet<>();
        for (String key : names.keySet()) {
            addWords(key, nameWords);
        }
        Set<String> frequentBigramWords = new HashSet<>();
        for (Candidate p : phrases.values()) {
            if (p.key.indexOf(' ') > 0 && p.weight >= 2) {
                addWords(p.key, frequentBigramWords);
            }
        }
        phrases.values().removeIf(p -> names.containsKey(p.key) || p.key.indexOf(' ') < 0
                && (nameWords.contains(p.key) || frequentBigramWords.contains(p.key)));
    }

    private static void addWords(String key, Set<String> into) {
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == ' ') {
                if (i > start) {
                    into.add(key.substring(start, i));
                }
                start = i + 1;
            }
        }
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder(4);
        for (String w : name.split(" ")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    /** {@code headlineLower.contains(" " + key + " ")} without building that string for every candidate. */
    private static boolean inHeadline(String headlineLower, String key) {
        int len = key.length();
        for (int at = headlineLower.indexOf(key, 1); at > 0 && at + len < headlineLower.length();
             at = headlineLower.indexOf(key, at + 1)) {
            if (headlineLower.charAt(at - 1) == ' ' && headlineLower.charAt(at + len) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static String normaliseForMatch(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '&') {
                sb.append(Character.toLowerCase(c));
            } else if (c == '\'' || c == '’') {
                // possessive: "Smith's" matches "smith"
                if (i + 1 < text.length() && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                        && (i + 2 >= text.length() || !Character.isLetter(text.charAt(i + 2)))) {
                    i++;
                }
                space(sb);
            } else if (c != '.') {
                space(sb);
            }
        }
        return sb.toString();
    }

    /** One space between words, as in the keys: "St. Aldric's Hospital" matches "st aldric hospital". */
    private static void space(StringBuilder sb) {
        if (sb.isEmpty() || sb.charAt(sb.length() - 1) != ' ') {
            sb.append(' ');
        }
    }

    private static final class Candidate {
        final String key;
        final String display;
        Kind kind;
        int strength;
        boolean lead;
        boolean onlyInitial;
        /** A single word seen at least once without "the" or "a" before it, as a surname is. */
        boolean bare;
        /**
         * Two or three plain capitalised words that may name a person without a first name we know ("Marat Safin"):
         * one if the story later uses the last word alone.
         */
        boolean couldBePerson;
        double weight;
        double score;

        Candidate(String key, String display, Kind kind, int strength, boolean lead) {
            this.key = key;
            this.display = display;
            this.kind = kind;
            this.strength = strength;
            this.lead = lead;
        }
    }
}
