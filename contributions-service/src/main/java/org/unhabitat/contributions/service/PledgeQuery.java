package org.unhabitat.contributions.service;

/** Filters and page of a pledge listing, as they came in the query string; validated by {@link PledgeService}. */
public record PledgeQuery(String contributor, String budgetLine, String year, String status, String limit, String cursor) {
}
