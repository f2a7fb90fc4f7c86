package org.unhabitat.reporting.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dashboard's words in English; messages/msg_fr, msg_es and msg_zh.properties translate them. Codes
 * (budget lines, regions, contributor types) become names here, so pages never show a code.
 */
@MessageBundle(locale = "en")
public interface DashboardMessages {

    @Message("UN-Habitat resource mobilization, {year}")
    String yearTitle(int year);

    @Message("UN-Habitat resource mobilization: strategic plan {plan}")
    String planTitle(String plan);

    @Message("Language")
    String language();

    @Message("Year")
    String year();

    @Message("As of")
    String asOf();

    @Message("Show")
    String show();

    @Message("Strategic plan {plan}")
    String planLink(String plan);

    @Message("Year {year}")
    String yearLink(int year);

    @Message("Figures for {year}: every payment recorded so far. The latest was received on {day}.")
    String shownLatest(int year, String day);

    @Message("Figures for {year} as they stood on {day}: payments received on or before that day. The latest was received on {latest}.")
    String shownAsOf(int year, String day, String latest);

    @Message("No income has been recorded as received in {year}, so there is nothing to chart.")
    String emptyYear(int year);

    @Message("No income had been received in {year} by {day}, so there is nothing to chart.")
    String emptyYearAsOf(int year, String day);

    @Message("Amounts in US dollars. Open data:")
    String openData();

    @Message("IATI organisation file")
    String iatiFile();

    @Message("Income received against target, per budget line")
    String progressTitle();

    @Message("Budget line")
    String budgetLine();

    @Message("Target")
    String target();

    @Message("Received")
    String received();

    @Message("Achieved")
    String achieved();

    @Message("Total")
    String total();

    @Message("Income by executing region, received and pledged")
    String regionsTitle();

    @Message("Region")
    String region();

    @Message("Share received")
    String receivedShare();

    @Message("Pledged for the year")
    String pledged();

    @Message("Share pledged")
    String pledgedShare();

    @Message("Cumulative income by month, against the year's target")
    String monthlyTitle();

    @Message("Month")
    String month();

    @Message("Received in the month")
    String receivedInMonth();

    @Message("Cumulative")
    String cumulative();

    @Message("Year's target")
    String yearTarget();

    @Message("Top 10 contributors per budget line")
    String topTitle();

    @Message("Rank")
    String rank();

    @Message("Contributor")
    String contributor();

    @Message("Type")
    String type();

    @Message("No income received.")
    String noIncome();

    @Message("Core donors (Foundation non-earmarked)")
    String donorBaseTitle();

    @Message("{count} contributors gave core funding.")
    String coreContributors(int count);

    @Message("New core donors")
    String newDonors();

    @Message("Resumed core funding")
    String resumedDonors();

    @Message("Increased core funding")
    String increasedDonors();

    @Message("None")
    String none();

    @Message("Funding Compact indicators")
    String indicatorsTitle();

    @Message("Voluntary income (all lines but the regular budget)")
    String voluntaryIncome();

    @Message("Core (non-earmarked) share of voluntary income")
    String coreShare();

    @Message("Softly earmarked share of voluntary income")
    String softlyEarmarkedShare();

    @Message("Multi-year agreements' share of voluntary income")
    String multiYearShare();

    @Message("Member states that contributed")
    String memberStates();

    @Message("Year-end forecast")
    String forecastTitle();

    @Message("Forecast made on {day}: for each line, the income received so far plus the larger of two figures: the pledges still due this year, and the income so far continued at the same daily rate to 31 December.")
    String forecastMethod(String day);

    @Message("Pledges due")
    String outstanding();

    @Message("Forecast")
    String forecast();

    @Message("Forecast against target")
    String forecastPct();

    @Message("The chart's figures")
    String chartFigures();

    @Message("Envelope")
    String envelope();

    @Message("USD {received} received against the plan's envelope of USD {envelope}: {percent}.")
    String planSummary(String received, String envelope, String percent);

    @Message("Each line against its envelope, cumulative by year")
    String planTitleChart();

    @Message("{year}")
    String receivedBy(int year);

    @Message("The plan {plan} has no income recorded as received yet, against its envelope of USD {envelope}.")
    String emptyPlan(String plan, String envelope);

    @Message("Monthly financial update, {month}")
    String updateTitle(String month);

    @Message("UN-Habitat's monthly update to member states on resource mobilization, with payments received up to {day}.")
    String updateIntro(String day);

    @Message("Income received in {month}")
    String updateIncome(String month);

    @Message("Progress towards the year's targets at {day}")
    String updateProgress(String day);

    @Message("Thank you")
    String thanksTitle();

    @Message("UN-Habitat thanks the partners whose contributions arrived this month:")
    String thanks();

    @Message("UN-Habitat thanks the individual donors who gave this month.")
    String thanksIndividuals();

    @Message("No contribution arrived this month.")
    String noPayments();

    @Message("{#when code}{#is 'REGULAR_BUDGET'}Regular budget{#is 'FOUNDATION_NON_EARMARKED'}Foundation non-earmarked{#is 'FOUNDATION_EARMARKED'}Foundation earmarked{#is 'TECHNICAL_COOPERATION'}Technical cooperation{#else}{code}{/when}")
    String lineName(String code);

    @Message("{#when code}{#is 'AFRICA'}Africa{#is 'ARAB_STATES'}Arab States{#is 'ASIA_PACIFIC'}Asia-Pacific{#is 'GLOBAL'}Global{#is 'LATIN_AMERICA_CARIBBEAN'}Latin America and the Caribbean{#is 'EUROPE'}Europe{#else}{code}{/when}")
    String regionName(String code);

    @Message("{#when code}{#is 'MEMBER_STATE'}Member state{#is 'INTERGOVERNMENTAL'}Intergovernmental organization{#is 'UN_ENTITY'}UN entity{#is 'MULTILATERAL_FUND'}Multilateral fund{#is 'DEVELOPMENT_BANK'}Development bank{#is 'PRIVATE_SECTOR'}Private sector{#is 'FOUNDATION'}Foundation{#is 'LOCAL_GOVERNMENT'}Local government{#is 'INDIVIDUAL'}Individuals{#is 'NATIONAL_COMMITTEE'}National committee{#is 'POOLED_FUND'}Pooled fund{#is 'OTHER'}Other{#else}–{/when}")
    String typeName(String code);

    @Message("{#when code}{#is 'INDIVIDUAL-DONORS'}Individual donors{#is 'UNIDENTIFIED-CONTRIBUTORS'}Contributors not yet identified{#else}{#if name}{name}{#else}Contributors not yet identified{/if}{/when}")
    String contributorName(String code, String name);
}
