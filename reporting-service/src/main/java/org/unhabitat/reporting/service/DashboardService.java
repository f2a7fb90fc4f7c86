package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.api.DashboardData;
import org.unhabitat.reporting.domain.BudgetLine;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard's figures: progress, regions, the monthly trend and the top contributors, all of one moment. */
@ApplicationScoped
public class DashboardService {

    private static final int TOP_CONTRIBUTORS = 10;

    private final ReportReads reads;
    private final ProgressService progress;
    private final DonorReportService donors;

    public DashboardService(ReportReads reads, ProgressService progress, DonorReportService donors) {
        this.reads = reads;
        this.progress = progress;
        this.donors = donors;
    }

    @Transactional
    public DashboardData dashboard(int year, LocalDate asOf) {
        reads.oneMoment();
        return new DashboardData(year, asOf, lineNames(), progress.forYear(year, asOf), donors.regions(year, null, asOf),
                donors.monthly(year, null, asOf), donors.topContributors(year, null, TOP_CONTRIBUTORS, asOf));
    }

    private static Map<String, String> lineNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (BudgetLine line : BudgetLine.values()) {
            names.put(line.name(), line.englishName());
        }
        return names;
    }
}
