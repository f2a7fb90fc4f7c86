package org.unhabitat.targets.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.targets.api.ProgrammeDto;
import org.unhabitat.targets.api.ProgrammeRequest;
import org.unhabitat.targets.api.ProgrammeTargetDto;
import org.unhabitat.targets.mapping.ProgrammeMapper;
import org.unhabitat.targets.repository.Programme;
import org.unhabitat.targets.repository.ProgrammeTargetRevision;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Programmes and their annual targets. Every change is announced on targets.events, keyed by the programme code. */
@ApplicationScoped
public class ProgrammeService {

    /** A stable upper-case slug, like the other services' contributor codes: UIF-FEASIBILITY-FUND. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private final Outbox outbox;
    private final AuditTrail audit;

    public ProgrammeService(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgrammeDto> list() {
        return Programme.listByCode().stream().map(ProgrammeMapper::toDto).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgrammeDto> find(String code) {
        if (!isCode(code)) {
            return Optional.empty();
        }
        return Programme.<Programme>findByIdOptional(code).map(ProgrammeMapper::toDto);
    }

    /**
     * Defines a programme or changes its definition. A definition equal to the current one changes nothing: no event,
     * no audit entry. The first definition creates; the programme's row lock makes concurrent writers take turns.
     */
    @Transactional
    public WriteOutcome<ProgrammeDto> define(String code, ProgrammeRequest request, String definedBy) {
        validate(code, request);
        Programme.lockForDefinition(code);
        Optional<Programme> existing = Programme.findByIdOptional(code);
        if (existing.isPresent() && sameDefinition(existing.get(), request)) {
            return new WriteOutcome<>(ProgrammeMapper.toDto(existing.get()), false);
        }
        Programme programme = existing.orElseGet(Programme::new);
        programme.code = code;
        programme.name = request.name().strip();
        programme.kind = request.kind();
        programme.budgetLine = request.budgetLine();
        programme.region = request.region();
        programme.startYear = request.startYear();
        programme.endYear = request.endYear();
        programme.definedBy = definedBy;
        programme.definedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        programme.persist();
        outbox.append(ProgrammeMapper.toEvent(programme));
        audit.record(existing.isPresent() ? "programme.updated" : "programme.defined", "programme", code, code);
        return new WriteOutcome<>(ProgrammeMapper.toDto(programme), existing.isEmpty());
    }

    /** Empty when the programme is unknown; an empty list when it has no target for the year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<ProgrammeTargetDto>> targetHistory(String code, int year) {
        if (!isCode(code)) {
            return Optional.empty();
        }
        return Programme.<Programme>findByIdOptional(code)
                .map(programme -> ProgrammeTargetRevision.history(code, year).stream().map(ProgrammeMapper::toDto).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgrammeTargetDto> currentTarget(String code, int year) {
        if (!isCode(code)) {
            return Optional.empty();
        }
        return ProgrammeTargetRevision.current(code, year).map(ProgrammeMapper::toDto);
    }

    /**
     * Sets or revises a programme's target for a year inside the programme's years, by the same revision rule as the
     * annual targets of a budget line.
     */
    @Transactional
    public WriteOutcome<ProgrammeTargetDto> setTarget(String code, int year, BigDecimal amountUsd, String reason,
                                                      String changedBy) {
        Programme programme = (isCode(code) ? Programme.findForUpdate(code) : Optional.<Programme>empty())
                .orElseThrow(() -> new NoSuchResourceException("No programme " + code));
        if (!programme.runsIn(year)) {
            throw new InvalidRequestException("year", "programme " + code + " runs " + years(programme) + "; "
                    + year + " is outside it");
        }
        Optional<ProgrammeTargetRevision> current = ProgrammeTargetRevision.current(code, year);
        Optional<ProgrammeTargetRevision> next = AmountRevisions.next(current, amountUsd, reason, changedBy,
                () -> ProgrammeTargetRevision.of(code, year));
        if (next.isEmpty()) {
            return new WriteOutcome<>(ProgrammeMapper.toDto(current.orElseThrow()), false);
        }
        ProgrammeTargetRevision revision = next.get();
        revision.persist();
        outbox.append(ProgrammeMapper.toEvent(revision));
        audit.record("programme-target.set", "programme-target", code + ":" + year + "#" + revision.revision, code);
        return new WriteOutcome<>(ProgrammeMapper.toDto(revision), revision.revision == 1);
    }

    /** Anything else names no programme, and is never sent to the database (a NUL byte would fail there). */
    private static boolean isCode(String code) {
        return CODE.matcher(code).matches();
    }

    private static void validate(String code, ProgrammeRequest request) {
        List<FieldError> violations = new ArrayList<>();
        if (!isCode(code)) {
            violations.add(new FieldError("code", "must be 2 to 40 upper-case letters, digits or dashes, starting with a letter or digit"));
        }
        if (request.endYear() != null && request.endYear() < request.startYear()) {
            violations.add(new FieldError("endYear", "must not be before startYear"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static boolean sameDefinition(Programme programme, ProgrammeRequest request) {
        return programme.name.equals(request.name().strip()) && programme.kind == request.kind()
                && programme.budgetLine == request.budgetLine() && programme.region == request.region()
                && programme.startYear == request.startYear() && Objects.equals(programme.endYear, request.endYear());
    }

    private static String years(Programme programme) {
        return programme.endYear == null ? "from " + programme.startYear : programme.startYear + "-" + programme.endYear;
    }
}
