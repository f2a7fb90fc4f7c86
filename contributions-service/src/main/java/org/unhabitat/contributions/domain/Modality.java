package org.unhabitat.contributions.domain;

/** The financial form of a contribution: most are grants; blended finance mixes loans and grants. */
public enum Modality {
    GRANT,
    LOAN,
    BLENDED,
    IN_KIND,
    ENDOWMENT
}
