package dev.newsflow.enrich.text.tags;

import dev.newsflow.runtime.PlainText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word lists for {@link HeuristicTagExtractor}: places, titles, organisation words, function words (lower case). */
final class Gazetteer {

    /** Countries, major cities, regions and continents, in the English form news wires use. */
    static final Set<String> PLACES = words(
            "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan",
            "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "bulgaria", "cambodia",
            "cameroon", "canada", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia",
            "czech republic", "denmark", "ecuador", "egypt", "estonia", "ethiopia", "finland", "france", "georgia",
            "germany", "ghana", "greece", "guatemala", "haiti", "honduras", "hungary", "iceland", "india",
            "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan",
            "kenya", "kosovo", "kuwait", "laos", "latvia", "lebanon", "libya", "lithuania", "luxembourg",
            "madagascar", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia", "montenegro", "morocco",
            "mozambique", "myanmar", "namibia", "nepal", "netherlands", "new zealand", "nicaragua", "niger",
            "nigeria", "north korea", "norway", "oman", "pakistan", "palestine", "panama", "paraguay", "peru",
            "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia", "senegal",
            "serbia", "singapore", "slovakia", "slovenia", "somalia", "south africa", "south korea", "south sudan",
            "spain", "sri lanka", "sudan", "sweden", "switzerland", "syria", "taiwan", "tanzania", "thailand",
            "tunisia", "turkey", "türkiye", "uganda", "ukraine", "united arab emirates", "uae", "united kingdom",
            "uk", "britain", "great britain", "england", "scotland", "wales", "northern ireland", "united states",
            "us", "u.s.", "usa", "america", "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia",
            "zimbabwe",
            // capitals and datelined cities of the world's wires (also what "CITY:" datelines name)
            "lahore", "peshawar", "quetta", "taipei", "tripoli", "madras", "bombay", "calcutta", "colombo", "kathmandu",
            "kuala lumpur", "the hague", "gaza city", "kandahar", "mosul", "basra", "najaf", "falluja", "fallujah",
            "ramadi", "tikrit", "kirkuk", "khartoum", "darfur", "abuja", "harare", "abu dhabi", "jeddah", "amman",
            "canberra", "wellington", "caracas", "havana", "minsk", "belgrade", "sarajevo", "ramallah", "algiers",
            "tunis", "rabat",
            "london", "paris", "berlin", "madrid", "rome", "lisbon", "dublin", "brussels", "amsterdam", "vienna",
            "prague", "warsaw", "budapest", "athens", "stockholm", "oslo", "copenhagen", "helsinki", "moscow",
            "kyiv", "kiev", "istanbul", "ankara", "geneva", "zurich", "munich", "hamburg", "frankfurt", "milan",
            "barcelona", "manchester", "liverpool", "birmingham", "glasgow", "edinburgh", "cardiff", "belfast",
            "new york", "washington", "los angeles", "chicago", "san francisco", "boston", "miami", "houston",
            "seattle", "toronto", "montreal", "vancouver", "ottawa", "mexico city", "sao paulo", "são paulo",
            "rio de janeiro", "buenos aires", "lima", "bogota", "santiago", "beijing", "shanghai", "hong kong",
            "tokyo", "osaka", "seoul", "pyongyang", "delhi", "new delhi", "mumbai", "bangalore", "karachi",
            "islamabad", "dhaka", "bangkok", "jakarta", "manila", "hanoi", "sydney", "melbourne", "auckland",
            "cairo", "lagos", "nairobi", "johannesburg", "cape town", "addis ababa", "tehran", "baghdad",
            "damascus", "beirut", "jerusalem", "tel aviv", "gaza", "riyadh", "dubai", "doha", "kabul",
            "europe", "asia", "africa", "north america", "south america", "latin america", "middle east",
            "antarctica", "arctic", "balkans", "scandinavia", "caribbean", "siberia", "crimea", "donbas",
            "west bank", "kashmir", "california", "texas", "florida", "bavaria", "catalonia", "quebec", "ontario",
            "yorkshire", "cornwall", "cumbria", "lancashire", "york", "leeds", "sheffield", "newcastle", "bristol",
            "nottingham", "leicester", "oxford", "cambridge", "carlisle", "southampton", "aberdeen", "marseille",
            "lyon", "cologne", "stuttgart", "naples", "turin", "seville", "valencia", "porto", "rotterdam",
            "antwerp", "krakow", "gdansk", "gothenburg", "bergen", "philadelphia", "atlanta", "dallas", "denver",
            "detroit", "phoenix", "las vegas", "new orleans", "calgary", "brisbane", "perth", "kolkata", "chennai",
            // US states a wire names after a city ("COLUMBUS, Ohio"): not those that are also names or words
            // (Indiana, Montana, Maine, Virginia: "Virginia Woolf")
            "alabama", "alaska", "arizona", "arkansas", "colorado", "connecticut", "delaware", "hawaii", "idaho",
            "illinois", "iowa", "kansas", "kentucky", "louisiana", "maryland", "massachusetts", "michigan",
            "minnesota", "mississippi", "missouri", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico",
            "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
            "south carolina", "south dakota", "tennessee", "utah", "vermont", "west virginia",
            "wisconsin", "wyoming",
            "san diego", "san jose", "pittsburgh", "baltimore", "minneapolis",
            "st. louis", "sacramento", "salt lake city", "kanpur", "chittagong", "port-au-prince", "kigali",
            "kinshasa", "mogadishu", "nablus", "hebron", "jenin", "tbilisi", "baku", "tashkent", "almaty",
            "silicon valley", "wall street", "mediterranean", "atlantic", "pacific");

    /** A name starting or ending with one of these names a place ("River Ouse", "Lake Geneva", "Downing Street"). */
    static final Set<String> PLACE_WORDS = words(
            "river", "lake", "mount", "mountains", "sea", "bay", "gulf", "island", "islands", "valley", "county",
            "province", "state", "region", "street", "road", "square", "avenue", "bridge", "airport", "station",
            "port", "coast", "strait", "canal", "forest", "park", "city", "district");

    /** Words before a name that make it a person; the title itself is not part of the tag. */
    static final Set<String> PERSON_TITLES = words(
            "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
            "chancellor", "minister", "senator", "sen", "rep", "governor", "gov", "mayor", "judge", "justice",
            "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "general", "gen", "captain",
            "coach", "manager", "striker", "chairman", "chairwoman", "ceo", "secretary", "ambassador", "officer",
            "inspector", "sergeant", "detective", "father", "rabbi", "imam", "herr", "frau", "monsieur", "madame",
            "executive", "director", "editor", "spokesman", "spokeswoman", "spokesperson", "commissioner",
            "treasurer", "colonel", "col", "lieutenant", "lt", "corporal", "cpl", "duke", "duchess", "earl", "baron",
            "baroness", "countess");

    /**
     * Roles news copy puts before a name ("Chelsea boss Jose Mourinho", "analyst Bill Thompson"): a person only
     * before two or more capitalised words, since they also come before companies and countries ("search leader
     * Google", "industry analyst Gartner", "Gulf producer Kuwait").
     */
    static final Set<String> ROLE_TITLES = words(
            "actor", "actress", "co-star", "singer", "rapper", "guitarist", "drummer", "comedian", "novelist",
            "author", "writer", "producer", "presenter", "analyst", "economist", "lawyer", "attorney", "prosecutor",
            "founder", "co-founder", "designer", "chef", "boss", "leader", "sprinter", "midfielder", "defender",
            "goalkeeper", "winger", "boxer", "golfer", "jockey", "skipper", "batsman", "bowler", "referee",
            "musician", "flanker", "fly-half");

    /** Titles whose words before them name a portfolio, not an affiliation: "Industry Secretary Patricia Hewitt". */
    static final Set<String> PORTFOLIO_TITLES = words("secretary", "minister", "chancellor", "spokesman", "spokeswoman",
            "spokesperson", "commissioner");

    /**
     * A run of plain capitalised words ending with one of these names an event, a show or a work, not a person,
     * even after a first name ("Brit Awards", "Jerry Springer Show", "Johnny Carson Theater").
     */
    static final Set<String> NOT_PERSON_ENDINGS = words(
            "awards", "award", "show", "theatre", "theater", "festival", "championships", "championship", "cup",
            "prize", "trophy", "classic", "open", "games", "series", "music", "project", "protocol", "act", "bill",
            "tower", "centre", "center", "stores", "international", "records", "pictures", "studios", "foods",
            "christmas", "division", "aid", "brothers", "bros",
            // venues, teams, products and papers named like people: "Busch Stadium", "Rose Bowl", "Virginia Tech",
            // "Man Utd", "Blu-ray Disc", "Christian Science Monitor", "Ali Shrine"
            "stadium", "bowl", "arena", "tech", "utd", "rovers", "wanderers", "disc", "monitor", "shrine", "mosque",
            "cathedral", "airport",
            // teams, parties and firms named like people: "Red Sox", "Lib Dems", "Fannie Mae"
            "sox", "dems", "dem", "mae");

    /**
     * Venue words that are also surnames: after a surname they end a place ("Coughlin Field", "Carnegie Hall",
     * "Bethnal Green"), after a given name they end a person ("Frank Field", "Monty Hall", "Philip Green"). Only the
     * listed English given names count here: the name words learned from word vectors hold surnames ("Coughlin").
     */
    private static final Set<String> VENUE_OR_SURNAME = words("field", "hall", "green", "gardens");

    /** Whether a name whose last two words are {@code previous} and {@code last} (lower case) names a venue. */
    static boolean endsVenueName(String previous, String last) {
        return VENUE_OR_SURNAME.contains(last) && !LISTED_GIVEN_NAMES.contains(previous);
    }

    /** ... and these open one: "Hurricane Mitch", "Operation Desert Storm". */
    static final Set<String> NOT_PERSON_STARTS = words("hurricane", "typhoon", "cyclone", "storm", "operation");

    /** A name ending (or starting, before "of") with one of these names an organisation. */
    static final Set<String> ORGANISATION_WORDS = words(
            "inc", "ltd", "corp", "corporation", "co", "plc", "llc", "gmbh", "ag", "sa", "nv", "group", "holdings",
            "bank", "party", "ministry", "department", "university", "college", "school", "institute", "council",
            "committee", "commission", "agency", "authority", "association", "union", "federation", "foundation",
            "league", "fc", "club", "united", "airlines", "airways", "motors", "company", "court", "police",
            "parliament", "senate", "congress", "assembly", "office", "service", "services", "organisation",
            "organization", "fund", "trust", "society", "army", "navy", "force", "forces", "network", "news",
            "times", "post", "press", "board", "hospital", "museum", "church", "government", "administration",
            "library", "partei", "bundestag", "ministerium", "universität");

    /**
     * Whether a name's last word makes it a body, a place, an event or a thing rather than a person ("... School",
     * "... River", "... Stadium"); {@code lower} is the word in lower case.
     */
    static boolean endsNoPersonsName(String lower) {
        return ORGANISATION_WORDS.contains(lower) || PLACE_WORDS.contains(lower) || NOT_PERSON_ENDINGS.contains(lower);
    }

    /** Days and months a capitalised name must not run into ("may" is left out: Theresa May). */
    static final Set<String> DATE_WORDS = words("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "april", "june", "july", "august", "september", "october", "november",
            "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private static final String NOT_TAG_WORDS = "not-tag-words.txt";
    private static final String FIRST_NAMES_FILE = "first-names.txt";

    private static final String NAME_WORDS_FILE = "name-words.txt";

    /** The English given-name lists alone: {@link #FIRST_NAMES} adds name words, which hold surnames too. */
    private static final Set<String> LISTED_GIVEN_NAMES = readLines(FIRST_NAMES_FILE);

    /**
     * Common English first names (Moby Word II, public domain), and the words GloVe uses like given names in any
     * language ("Donald", "Thierry", "Kamala"; see each file's header), lower case.
     */
    private static final Set<String> FIRST_NAMES = union(LISTED_GIVEN_NAMES, readLines(NAME_WORDS_FILE));

    /** Words that start sentences or headlines in capitals without naming anything. */
    static final Set<String> STOP_WORDS = words(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by", "from",
            "as", "into", "onto", "than", "that", "which", "who", "whom", "whose", "what", "why", "how", "is", "are",
            "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "its", "it", "his",
            "her", "their", "our", "my", "your", "this", "these", "those", "if", "so", "not", "no", "yes", "after",
            "before", "over", "under", "about", "between", "while", "when", "where", "would", "will", "could",
            "should", "can", "may", "might", "must", "said", "says", "say", "also", "very", "more", "most", "such",
            "per", "via", "he", "she", "they", "we", "i", "you", "them", "him", "us", "all", "some", "any", "each",
            "other", "another", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
            "first", "last", "new", "many", "much", "only", "just", "now",
            "then", "there", "here", "up", "down", "out", "off", "again", "still", "even", "however", "meanwhile",
            "although", "though", "because", "since", "until", "during", "against", "among", "around", "without",
            "within", "across", "through", "both", "either", "neither", "own", "same", "like", "according",
            "despite", "amid", "amidst", "ahead", "toward", "towards", "onto", "whether", "yet", "former", "going",
            "feb", "aug", "sept", "oct", "nov", "dec",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
            "tomorrow", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "year", "years", "week", "weeks", "day", "days", "month", "months",
            "time", "people", "told", "added", "year's", "percent", "per cent", "million", "billion", "number",
            "part", "way", "well", "make", "made", "get", "got", "take", "took", "including", "expected", "back",
            "next", "could", "news", "officials", "official", "statement", "according",
            // HTML entity names left in text that lost its "&" ("said quot;no quot;"), never words
            "quot", "amp", "nbsp", "apos",
            // see NOT_ACRONYMS
            "gmt", "utc", "bst", "cet", "cest", "edt", "pdt", "pst", "ends",
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "mit",
            "von", "zu", "zum", "zur", "im", "am", "auf", "für", "aus", "bei", "nach", "dass", "ist", "sind", "wird",
            "nicht", "sich", "es", "sie", "er", "wie", "auch", "als", "an", "noch", "über", "hat", "haben",
            "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "à", "au", "aux", "en", "dans", "sur",
            "pour", "par", "avec", "que", "qui", "est", "il", "elle", "ne", "pas", "plus", "ce", "cette", "son",
            "el", "los", "las", "una", "y", "o", "del", "con", "por", "para", "es", "lo", "se", "su", "al",
            "il", "gli", "di", "e", "da", "per", "che", "è", "non", "una",
            "het", "een", "van", "op", "met", "voor", "niet", "zijn",
            "os", "as", "um", "uma", "do", "dos", "das", "em", "no", "na", "com", "não");

    /**
     * Words written in capitals that are no organisation's acronym: time zones after a time ("at 18:45 GMT") and a
     * press release's last line ("ENDS"). Read as the stop words they also are.
     */
    static final Set<String> NOT_ACRONYMS = words("gmt", "utc", "bst", "cet", "cest", "edt", "pdt", "pst", "ends");

    /** Joiners allowed inside a name when a capitalised word follows ("Bank of England", "Charles de Gaulle"). */
    static final Set<String> NAME_JOINERS = words("of", "de", "du", "des", "van", "von", "der", "den", "la", "al",
            "bin", "da", "di", "del", "y", "&", "upon", "on", "for");

    /**
     * Firms and teams whose whole name reads as a given name and a surname ("Merrill Lynch", "Aston Villa"): by
     * name, since their last words are surnames or plain words elsewhere ("David Lynch", "Bernie Mac").
     */
    static final Set<String> ORGANISATIONS_NAMED_LIKE_PEOPLE = words(
            "merrill lynch", "morgan stanley", "freddie mac", "fannie mae", "goldman sachs", "dean witter",
            "smith barney", "paine webber", "abbey national", "arthur andersen", "ernst young",
            "price waterhouse", "jp morgan", "j p morgan", "marks spencer", "harley davidson",
            "rolls royce", "rolls-royce", "harley-davidson", "aston martin", "ben jerry", "procter gamble", "johnson johnson", "lockheed martin",
            "aston villa", "orlando magic", "bayer leverkusen", "werder bremen", "hertha berlin", "crystal palace",
            "charlton athletic", "stoke city", "norwich city", "leeds united", "ross county",
            "hamilton academical", "st johnstone", "st mirren", "dallas mavericks", "denver nuggets",
            "phoenix suns", "utah jazz", "miami heat", "san antonio spurs", "kansas city chiefs");

    /** Wire agencies named in datelines and credits, not in the story. */
    static final Set<String> NEWS_AGENCIES = words("reuters", "ap", "afp", "dpa", "ansa", "efe", "pa", "upi",
            "getty", "getty images", "epa", "xinhua", "tass", "kyodo", "yonhap", "anp", "apa", "sda");

    /** Words that are rarely nouns (beat, fell, went, best, longest), from WordNet: never a tag on their own. */
    static final Set<String> NOT_NOUNS;
    /** The most frequent words (world, company, group): too general to tag an article with on their own. */
    static final Set<String> GENERIC_WORDS;
    /** Nationality and place adjectives (Chilean, German): the place or the people are the tag, not the adjective. */
    static final Set<String> DEMONYMS;

    static {
        Set<String> notNouns = new HashSet<>();
        Set<String> generic = new HashSet<>();
        Set<String> demonyms = new HashSet<>();
        for (String line : readLines(NOT_TAG_WORDS)) {
            int tab = line.indexOf('\t');
            String kind = tab < 0 ? "" : line.substring(tab + 1);
            switch (kind) {
                case "not-noun" -> notNouns.add(line.substring(0, tab));
                case "generic" -> generic.add(line.substring(0, tab));
                case "demonym" -> demonyms.add(line.substring(0, tab));
                default -> throw new IllegalStateException(NOT_TAG_WORDS + ": not word<TAB>not-noun|generic|demonym: " + line);
            }
        }
        NOT_NOUNS = Collections.unmodifiableSet(notNouns);
        GENERIC_WORDS = Collections.unmodifiableSet(generic);
        // WordNet relates these to no place, so the generated list misses them
        demonyms.addAll(List.of("australian", "emirati", "european", "african", "asian"));
        DEMONYMS = Collections.unmodifiableSet(demonyms);
    }

    private Gazetteer() {
    }

    /** Whether a lower-case key phrase can be a tag: a single word must be a specific noun, a pair end in a noun. */
    static boolean isTaggablePhrase(String phrase) {
        int space = phrase.lastIndexOf(' ');
        if (space < 0) {
            return !NOT_NOUNS.contains(phrase) && !GENERIC_WORDS.contains(phrase) && !isDemonym(phrase)
                    && !isContraction(phrase);
        }
        return !NOT_NOUNS.contains(phrase.substring(space + 1));
    }

    /** Whether a single capitalised word with no other sign of being a name can still be a tag ("Wren", "Kandar"). */
    static boolean isTaggableName(String lower) {
        String bare = lower.replace(".", "");
        return isTaggablePhrase(lower) && !PERSON_TITLES.contains(bare) && !ROLE_TITLES.contains(bare);
    }

    /**
     * Whether a lower-case word is a common first name ("roger", "jean-pierre" by its first part); never a joiner or
     * a function word ("de", "al", "will" of a sentence).
     */
    static boolean isFirstName(String word) {
        if (NAME_JOINERS.contains(word) || STOP_WORDS.contains(word) || PLACE_NAME_STARTS.contains(word)) {
            return false;
        }
        if (isListedFirstName(word)) {
            return true;
        }
        // "josé", "françois", "sebastián": the list is written without accents
        return !isAscii(word) && isListedFirstName(PlainText.withoutAccents(word));
    }

    /**
     * First words of place names ("San Diego", "Santa Clara", "Rio Tinto" after Rio de Janeiro): the name lists hold
     * some of them ("san", "rio"), and a run they open is a place or a company named after one.
     */
    private static final Set<String> PLACE_NAME_STARTS = placeNameStarts();

    private static Set<String> placeNameStarts() {
        Set<String> starts = new HashSet<>(Arrays.asList("san", "santa", "santo", "sao", "são", "rio", "los", "las",
                "port", "fort", "saint", "st", "cape", "lake", "mount"));
        for (String place : PLACES) {
            int space = place.indexOf(' ');
            if (space > 0) {
                starts.add(place.substring(0, space));
            }
        }
        return Collections.unmodifiableSet(starts);
    }

    private static boolean isListedFirstName(String word) {
        int hyphen = word.indexOf('-');
        return FIRST_NAMES.contains(word) || hyphen > 0 && FIRST_NAMES.contains(word.substring(0, hyphen));
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }


    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Collections.unmodifiableSet(all);
    }

    private static Set<String> readLines(String resource) {
        Set<String> lines = new HashSet<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Collections.unmodifiableSet(lines);
    }

    /** "chilean", and compounds of them: "french-belgian". */
    static boolean isDemonym(String word) {
        if (DEMONYMS.contains(word)) {
            return true;
        }
        if (word.indexOf('-') < 0) {
            return false;
        }
        for (String part : word.split("-")) {
            if (!DEMONYMS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** "don't", "I'm", "we'd": a contraction, never a tag ("O'Brien" is not one). */
    private static boolean isContraction(String word) {
        int apostrophe = Math.max(word.lastIndexOf('\''), word.lastIndexOf('’'));
        if (apostrophe < 0) {
            return false;
        }
        return CONTRACTION_ENDINGS.contains(word.substring(apostrophe + 1));
    }

    private static final Set<String> CONTRACTION_ENDINGS = words("t", "m", "d", "s", "re", "ve", "ll");

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> words(String... words) {
        // a HashSet: these are probed for every word of every article, and it answers faster than Set.of here
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(words)));
    }
}
