package org.unhabitat.targets.domain;

/**
 * What money narrower than a budget line is raised for: a thematic window of a pooled fund, a fund of its own
 * (the Urban Investment Facility's feasibility fund), an appeal (the Arab region humanitarian appeal of June
 * 2021), a pledging event, or a single project.
 */
public enum ProgrammeKind {
    THEMATIC_WINDOW,
    FUND,
    APPEAL,
    PLEDGING_EVENT,
    PROJECT
}
