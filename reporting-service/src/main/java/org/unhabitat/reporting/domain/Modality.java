package org.unhabitat.reporting.domain;

/** The financial form of a contribution. */
public enum Modality {
    GRANT, LOAN, BLENDED, IN_KIND, ENDOWMENT
}
