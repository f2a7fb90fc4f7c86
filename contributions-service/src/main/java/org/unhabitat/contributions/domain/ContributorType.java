package org.unhabitat.contributions.domain;

/** Who gives: member states are only one kind among many (European Commission, KfW, individuals online...). */
public enum ContributorType {
    MEMBER_STATE,
    INTERGOVERNMENTAL,
    UN_ENTITY,
    MULTILATERAL_FUND,
    DEVELOPMENT_BANK,
    PRIVATE_SECTOR,
    FOUNDATION,
    LOCAL_GOVERNMENT,
    INDIVIDUAL,
    NATIONAL_COMMITTEE,
    POOLED_FUND,
    OTHER
}
