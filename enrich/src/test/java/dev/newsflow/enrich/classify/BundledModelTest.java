package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model on hand-written texts (none taken from the training data). */
class BundledModelTest {

    private static final TrainedCategorizer CATEGORIZER = TrainedCategorizer.loadDefault();

    // Articles on topics the model has no training data for, written for these tests.
    private static final ClassifierInput STORM_WARNING = new ClassifierInput("Storm warning as gales and heavy rain head for the coast",
            "Forecasters have issued an amber storm warning for the west coast, with gusts of up to 80mph and heavy rain expected overnight. "
            + "The Met Office said the storm would bring flooding to low-lying areas and warned of travel disruption, with ferries cancelled and some rail services suspended. "
            + "Temperatures will fall sharply behind the weather front, and snow is possible on high ground by the weekend. "
            + "Forecasters said the low pressure system had deepened rapidly over the Atlantic. "
            + "Residents were told to secure loose objects, avoid coastal paths and check the forecast before setting out. "
            + "Insurers said it was too early to estimate the cost of the damage, and the rainfall totals could reach a month's worth in a day in some places. "
            + "The warning runs until Saturday morning, when winds are expected to ease.", null, "en");
    private static final ClassifierInput HOSPITAL_AND_VACCINES = new ClassifierInput("Hospital waiting lists grow as vaccine campaign begins",
            "Hospitals across the region have reported longer waiting lists for operations as doctors and nurses prepare for the winter vaccine campaign. "
            + "The health service said patients waiting for hip and knee surgery now face delays of up to a year, while accident and emergency departments treated record numbers of patients last month. "
            + "Public health officials urged people over 65 and those with chronic illness to book a flu vaccine and a booster jab at their GP surgery or pharmacy. "
            + "A senior consultant said the virus was already spreading in care homes and that intensive care beds were nearly full. "
            + "The health minister said extra funding would pay for more nurses and clinics, but medical unions warned that staff shortages meant the hospital backlog would take years to clear. "
            + "Doctors advised patients with symptoms to stay at home.", null, "en");
    private static final ClassifierInput MURDER_VERDICT = new ClassifierInput("Jury finds man guilty of murder after week-long trial",
            "A jury has found a 34-year-old man guilty of murder following a week-long trial at the crown court. "
            + "The court heard that the defendant stabbed the victim outside a pub after an argument, and police arrested him two days later. "
            + "Prosecutors told the jury that CCTV footage and forensic evidence linked him to the killing, while his defence lawyer argued that he had acted in self-defence. "
            + "The judge said he would be sentenced next month and warned him that a life sentence was the only possible outcome. "
            + "Detectives from the police murder inquiry team said the verdict brought justice for the victim's family, who wept in court as it was read out. "
            + "The man had previous convictions for assault and robbery, the court was told. "
            + "An appeal is expected, his solicitor said after the hearing.", null, "en");
    private static final ClassifierInput INJURED_STRIKER = new ClassifierInput("Striker out for a month after injury",
            "The club's top scorer will miss the next five league matches after he was taken to hospital with a knee injury "
            + "in Saturday's win. The manager said the striker had scans on Monday and the medical staff expect him back "
            + "for the cup final, while the defender who was sent off serves a two-match ban. The team are three points "
            + "clear at the top of the table with eight games left, and the coach said his squad was strong enough to cope "
            + "without their leading goalscorer in the title run-in.", null, "en");

    private static MediaTopic primaryOf(String title, String body) {
        return CATEGORIZER.categorize(new ClassifierInput(title, body, null, "en")).categories().get(0).topic();
    }

    @Test
    void shouldLoadTheShippedModelWithItsVersion() {
        assertThat(CATEGORIZER.modelVersion()).startsWith(CategoryModel.VERSION_PREFIX).hasSize(CategoryModel.VERSION_PREFIX.length() + 8);
        assertThat(CATEGORIZER.reviewThreshold()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldClassifyHandWrittenArticlesIntoTheTrainedTopics() {
        assertThat(primaryOf("Keeper saves late penalty", "The goalkeeper saved a penalty in injury time as the visitors held on for a draw in the league, leaving the coach pleased with his defence.")).isEqualTo(MediaTopic.SPORT);
        assertThat(primaryOf("Retailer profits fall", "Shares in the retailer fell 8% after it reported lower quarterly profits, blaming weak consumer spending, and analysts cut their forecasts for the year.")).isEqualTo(MediaTopic.ECONOMY_BUSINESS_FINANCE);
        assertThat(primaryOf("Minister defends bill", "The home secretary told MPs the bill would pass before the general election, as the opposition party said it would vote against the government.")).isEqualTo(MediaTopic.POLITICS);
        assertThat(primaryOf("New handset runs faster software", "The mobile phone maker said its new handset has a faster processor and more memory, and users will be able to download software updates over broadband.")).isEqualTo(MediaTopic.SCIENCE_TECHNOLOGY);
        assertThat(primaryOf("Actress wins film award", "The actress won best actress at the film awards for her role in the drama, and the director thanked the cast as the movie took three prizes at the ceremony.")).isEqualTo(MediaTopic.ARTS_CULTURE_ENTERTAINMENT);
    }

    @Test
    void shouldLetTheLexiconDecideThePrimaryOfArticlesOnTopicsWithoutTrainingData() {
        assertThat(CATEGORIZER.categorize(STORM_WARNING).categories().get(0).topic()).isEqualTo(MediaTopic.WEATHER);
        assertThat(CATEGORIZER.categorize(HOSPITAL_AND_VACCINES).categories().get(0).topic()).isEqualTo(MediaTopic.HEALTH);
        assertThat(CATEGORIZER.categorize(MURDER_VERDICT).categories().get(0).topic()).isEqualTo(MediaTopic.CRIME_LAW_JUSTICE);
    }

    @Test
    void shouldKeepTheModelsTopicAsASecondaryWhenTheLexiconTakesThePrimary() {
        Classification c = CATEGORIZER.categorize(STORM_WARNING);

        assertThat(c.categories().get(0).decidedBy()).endsWith("+lexicon");
        assertThat(c.categories().subList(1, c.categories().size())).extracting(CategoryScore::decidedBy)
                .contains(CATEGORIZER.modelVersion());
    }

    @Test
    void shouldKeepTheModelsPrimaryWhenATopicWithoutTrainingDataIsOnlyMentioned() {
        Classification c = CATEGORIZER.categorize(INJURED_STRIKER);

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.SPORT);
    }

    @Test
    void shouldNeverShowASecondaryMoreConfidentThanThePrimary() {
        for (ClassifierInput input : new ClassifierInput[]{STORM_WARNING, HOSPITAL_AND_VACCINES, MURDER_VERDICT, INJURED_STRIKER}) {
            Classification c = CATEGORIZER.categorize(input);
            for (int i = 1; i < c.categories().size(); i++) {
                assertThat(c.categories().get(i).confidence()).isLessThanOrEqualTo(c.categories().get(i - 1).confidence());
            }
        }
    }

    @Test
    void shouldNameADisasterForAShortDisasterItem() {
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", "A strong earthquake shook the region on Sunday, "
                + "triggering landslides; rescue workers pulled survivors from the debris and the death toll rose.", null, null));

        assertThat(c.categories()).extracting(CategoryScore::topic).contains(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
    }

    // Wire snippets written for this test in the style of world news (not from the training data), each with few
    // terms of its topic's lexicon, so that the World refiner, not the lexicon rule, has to name the topic.
    @Test
    void shouldNameTheTopicOfShortWorldNewsItemsWithTheWorldRefiner() {
        assertThat(worldPrimary("Gunmen ambushed a convoy near the northern town on Tuesday, the second such raid on "
                + "the road this week, a spokesman for the governor said.")).isEqualTo(MediaTopic.CONFLICT_WAR_PEACE);
        assertThat(worldPrimary("A court in the capital sentenced the former mayor to eight years for taking bribes "
                + "from construction firms, his lawyer said he would appeal.")).isEqualTo(MediaTopic.CRIME_LAW_JUSTICE);
        assertThat(worldPrimary("A passenger ferry carrying more than 200 people capsized in a river during a storm on "
                + "Saturday, and dozens were feared drowned, officials said.")).isEqualTo(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
        assertThat(worldPrimary("The prime minister called an early general election for March after his coalition "
                + "partner quit the government over the budget.")).isEqualTo(MediaTopic.POLITICS);
    }

    private static MediaTopic worldPrimary(String snippet) {
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", snippet, null, "en"));
        assertThat(c.categories().get(0).decidedBy()).as(snippet).endsWith("+world");
        return c.categories().get(0).topic();
    }
}
