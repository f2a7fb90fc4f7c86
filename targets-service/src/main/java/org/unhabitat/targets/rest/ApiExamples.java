package org.unhabitat.targets.rest;

/**
 * Examples for the OpenAPI document, in the source report's figures, so that Swagger UI shows real cases.
 * Problems shared by targets and approved budgets leave out {@code instance}, which names the request's own path.
 */
final class ApiExamples {

    static final String TARGETS_2021 = """
            [
              {"year": 2021, "budgetLine": "REGULAR_BUDGET", "amountUsd": "14500000.00", "revision": 1,
               "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z", "reason": "Income target 2021 (Figure 2)"},
              {"year": 2021, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "10000000.00", "revision": 1,
               "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z", "reason": "Income target 2021 (Figure 2)"},
              {"year": 2021, "budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "43300000.00", "revision": 1,
               "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z", "reason": "Income target 2021 (Figure 2)"},
              {"year": 2021, "budgetLine": "TECHNICAL_COOPERATION", "amountUsd": "152600000.00", "revision": 1,
               "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z", "reason": "Income target 2021 (Figure 2)"}
            ]""";

    static final String TARGET_2021_CORE = """
            {"year": 2021, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "10000000.00", "revision": 1,
             "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z", "reason": "Income target 2021 (Figure 2)"}""";

    static final String TARGET_2021_CORE_HISTORY = """
            [
              {"year": 2021, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "10000000.00", "revision": 1,
               "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z", "reason": "Income target 2021 (Figure 2)"},
              {"year": 2021, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "10500000.00", "revision": 2,
               "changedBy": "finance-user", "changedAt": "2022-06-30T09:15:00Z", "reason": "Mid-year review: two new core pledges"}
            ]""";

    static final String TARGET_REQUEST = """
            {"amountUsd": "10500000.00", "reason": "Mid-year review: two new core pledges"}""";

    static final String TARGET_REVISED = """
            {"year": 2021, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "10500000.00", "revision": 2,
             "changedBy": "finance-user", "changedAt": "2022-06-30T09:15:00Z", "reason": "Mid-year review: two new core pledges",
             "warnings": []}""";

    static final String TARGET_OVER_ENVELOPE = """
            {"year": 2022, "budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "250000000.00", "revision": 1,
             "changedBy": "finance-user", "changedAt": "2022-06-30T09:15:00Z", "reason": "Target 2022 as proposed to the Board",
             "warnings": ["The income targets for FOUNDATION_EARMARKED in plan 2020-2023 add up to USD 293300000.00, more than the plan's envelope of USD 262000000.00"]}""";

    static final String BUDGETS_2022 = """
            [
              {"year": 2022, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "12000000.00", "revision": 1,
               "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z",
               "reason": "Foundation non-earmarked budget 2022 approved by the Executive Board at its second session of 2021"}
            ]""";

    static final String BUDGET_2022_CORE = """
            {"year": 2022, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "12000000.00", "revision": 1,
             "changedBy": "reference-data", "changedAt": "2022-03-29T00:00:00Z",
             "reason": "Foundation non-earmarked budget 2022 approved by the Executive Board at its second session of 2021"}""";

    static final String BUDGET_2022_CORE_HISTORY = "[" + BUDGET_2022_CORE + "]";

    static final String BUDGET_REQUEST = """
            {"amountUsd": "12500000.00", "reason": "Revised budget approved by the Executive Board, decision 2022/3"}""";

    static final String BUDGET_REVISED = """
            {"year": 2022, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "12500000.00", "revision": 2,
             "changedBy": "finance-user", "changedAt": "2022-06-30T09:15:00Z",
             "reason": "Revised budget approved by the Executive Board, decision 2022/3", "warnings": []}""";

    static final String BUDGET_FIRST = """
            {"year": 2023, "budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "12000000.00", "revision": 1,
             "changedBy": "finance-user", "changedAt": "2022-11-30T14:00:00Z",
             "reason": "Foundation non-earmarked budget 2023 approved by the Executive Board", "warnings": []}""";

    static final String PLAN_2020_2023 = """
            {"id": "2020-2023", "startYear": 2020, "endYear": 2023,
             "lines": [
               {"budgetLine": "REGULAR_BUDGET", "amountUsd": "60000000.00"},
               {"budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "41000000.00"},
               {"budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "262000000.00"},
               {"budgetLine": "TECHNICAL_COOPERATION", "amountUsd": "607000000.00"}
             ],
             "totalUsd": "970000000.00"}""";

    static final String PLANS = "[" + PLAN_2020_2023 + "]";

    static final String PLAN_REQUEST = """
            {"lines": [
               {"budgetLine": "REGULAR_BUDGET", "amountUsd": "30000000.00"},
               {"budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "22000000.00"},
               {"budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "135000000.00"},
               {"budgetLine": "TECHNICAL_COOPERATION", "amountUsd": "310000000.00"}
             ],
             "reason": "Strategic plan 2024-2025 resource requirement"}""";

    static final String PLAN_DEFINED = """
            {"id": "2024-2025", "startYear": 2024, "endYear": 2025,
             "lines": [
               {"budgetLine": "REGULAR_BUDGET", "amountUsd": "30000000.00"},
               {"budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "22000000.00"},
               {"budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "135000000.00"},
               {"budgetLine": "TECHNICAL_COOPERATION", "amountUsd": "310000000.00"}
             ],
             "totalUsd": "497000000.00"}""";

    static final String INVALID_AMOUNT = """
            {"type": "https://open.unhabitat.org/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "The request has invalid fields",
             "errors": [{"field": "amountUsd", "message": "numeric value out of bounds (<13 digits>.<2 digits> expected)"},
                        {"field": "reason", "message": "must not be blank"}]}""";

    static final String YEAR_WITHOUT_PLAN = """
            {"type": "https://open.unhabitat.org/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "The request has invalid fields",
             "errors": [{"field": "year", "message": "no strategic plan covers 2019; define the plan first"}]}""";

    static final String UNAUTHORIZED = """
            {"type": "https://open.unhabitat.org/problems/unauthenticated", "title": "Unauthorized", "status": 401,
             "detail": "A valid bearer token is required"}""";

    static final String FORBIDDEN = """
            {"type": "https://open.unhabitat.org/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role does not allow this operation"}""";

    static final String UNKNOWN_LINE = """
            {"type": "https://open.unhabitat.org/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No budget line CORE; the lines are REGULAR_BUDGET, FOUNDATION_NON_EARMARKED, FOUNDATION_EARMARKED, TECHNICAL_COOPERATION"}""";

    static final String NO_PLAN_FOR_YEAR = """
            {"type": "https://open.unhabitat.org/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No strategic plan covers 2019"}""";

    static final String PLAN_OVERLAPS = """
            {"type": "https://open.unhabitat.org/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Plan 2023-2024 overlaps plan 2020-2023; a year belongs to one plan only", "instance": "/api/v1/plans/2023-2024"}""";

    static final String PROGRAMME_REQUEST = """
            {"name": "Urban Investment Facility: feasibility fund", "kind": "FUND", "budgetLine": "FOUNDATION_EARMARKED",
             "startYear": 2021, "endYear": 2023}""";

    static final String PROGRAMME = """
            {"code": "UIF-FEASIBILITY-FUND", "name": "Urban Investment Facility: feasibility fund", "kind": "FUND",
             "budgetLine": "FOUNDATION_EARMARKED", "region": null, "startYear": 2021, "endYear": 2023,
             "definedBy": "finance-user", "definedAt": "2021-11-15T09:00:00Z"}""";

    static final String APPEAL = """
            {"code": "ARAB-APPEAL-2021", "name": "Arab region humanitarian appeal", "kind": "APPEAL",
             "budgetLine": "FOUNDATION_EARMARKED", "region": "ARAB_STATES", "startYear": 2021, "endYear": null,
             "definedBy": "finance-user", "definedAt": "2021-06-01T08:00:00Z"}""";

    static final String PROGRAMMES = "[" + APPEAL + ",\n" + PROGRAMME + "]";

    static final String PROGRAMME_TARGET_REQUEST = """
            {"amountUsd": "3000000.00", "reason": "Donors' commitments at the fund's launch"}""";

    static final String PROGRAMME_TARGET = """
            {"programme": "UIF-FEASIBILITY-FUND", "year": 2022, "amountUsd": "3000000.00", "revision": 1,
             "changedBy": "finance-user", "changedAt": "2021-11-15T09:05:00Z", "reason": "Donors' commitments at the fund's launch"}""";

    static final String PROGRAMME_TARGET_HISTORY = "[" + PROGRAMME_TARGET + ",\n" + """
            {"programme": "UIF-FEASIBILITY-FUND", "year": 2022, "amountUsd": "3500000.00", "revision": 2,
             "changedBy": "finance-user", "changedAt": "2022-03-01T10:00:00Z", "reason": "A third donor joined"}]""";

    static final String UNKNOWN_PROGRAMME = """
            {"type": "https://open.unhabitat.org/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No programme UIF-FEASABILITY-FUND"}""";

    static final String PROGRAMME_YEAR_OUTSIDE = """
            {"type": "https://open.unhabitat.org/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "The request has invalid fields",
             "errors": [{"field": "year", "message": "programme UIF-FEASIBILITY-FUND runs 2021-2023; 2025 is outside it"}]}""";

    private ApiExamples() {
    }
}
