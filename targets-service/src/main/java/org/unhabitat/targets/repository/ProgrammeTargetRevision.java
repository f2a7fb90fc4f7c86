package org.unhabitat.targets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** One revision of a programme's income target for a year; never updated once written. */
@Entity
@Table(name = "programme_target_revision")
public class ProgrammeTargetRevision extends AmountRevision {

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(nullable = false)
    public int year;

    /** A revision not yet numbered or filled: {@code AmountRevisions.next} does that. */
    public static ProgrammeTargetRevision of(String programmeCode, int year) {
        ProgrammeTargetRevision revision = new ProgrammeTargetRevision();
        revision.programmeCode = programmeCode;
        revision.year = year;
        return revision;
    }

    public static List<ProgrammeTargetRevision> history(String programmeCode, int year) {
        return list("programmeCode = ?1 and year = ?2 order by revision", programmeCode, year);
    }

    public static Optional<ProgrammeTargetRevision> current(String programmeCode, int year) {
        return find("programmeCode = ?1 and year = ?2 order by revision desc", programmeCode, year).firstResultOptional();
    }
}
