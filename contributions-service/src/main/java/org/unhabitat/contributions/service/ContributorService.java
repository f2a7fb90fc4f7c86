package org.unhabitat.contributions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.api.ContributorDto;
import org.unhabitat.contributions.api.ContributorRequest;
import org.unhabitat.contributions.domain.ContributorType;
import org.unhabitat.contributions.domain.Countries;
import org.unhabitat.contributions.mapping.ContributorMapper;
import org.unhabitat.contributions.repository.AdvisoryLocks;
import org.unhabitat.contributions.repository.Contributor;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.security.Caller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class ContributorService {

    /** Member states use ISO alpha-3 (SWE); others a stable upper-case slug (EC, ADAPTATION-FUND). */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** An IATI organisation identifier: a registration agency prefix and the organisation's number there, e.g. XM-DAC-41301. */
    private static final Pattern IATI_ORG_REF = Pattern.compile("[A-Za-z0-9]+-[A-Za-z0-9._/:-]+");

    public record Registration(ContributorDto contributor, boolean created) {
    }

    private final AdvisoryLocks locks;
    private final Outbox outbox;
    private final AuditTrail audit;

    public ContributorService(AdvisoryLocks locks, Outbox outbox, AuditTrail audit) {
        this.locks = locks;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Registers or updates; an event goes out only when something actually changed. */
    @Transactional
    public Registration register(String code, ContributorRequest request) {
        String country = validate(code, request);
        // Two first registrations of one code at once: the second waits and updates instead of failing on the key.
        locks.lock("contributor", code);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Contributor contributor = Contributor.<Contributor>findByIdOptional(code).orElse(null);
        boolean created = contributor == null;
        if (created) {
            contributor = new Contributor();
            contributor.code = code;
            contributor.registeredAt = now;
        } else if (contributor.name.equals(request.name().strip()) && contributor.type == request.type()
                && Objects.equals(contributor.country, country) && Objects.equals(contributor.iatiOrgRef, request.iatiOrgRef())) {
            return new Registration(ContributorMapper.toDto(contributor), false);
        }
        contributor.name = request.name().strip();
        contributor.type = request.type();
        contributor.country = country;
        contributor.iatiOrgRef = request.iatiOrgRef();
        contributor.updatedAt = now;
        contributor.persist();
        outbox.append(ContributorMapper.toEvent(contributor));
        audit.record(created ? "contributor.registered" : "contributor.updated", "contributor", code, code);
        return new Registration(ContributorMapper.toDto(contributor), created);
    }

    /** A partner finds only itself; anyone else's code looks unknown to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContributorDto> find(Caller caller, String code) {
        Optional<Contributor> found = caller.seesAll()
                ? Contributor.find("code = ?1", code).firstResultOptional()
                : Contributor.find("code = ?1 and code = ?2", code, caller.contributorScope()).firstResultOptional();
        return found.map(ContributorMapper::toDto);
    }

    /** @return the country to store: a member state is its own country. */
    private static String validate(String code, ContributorRequest request) {
        List<FieldError> violations = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            violations.add(new FieldError("code", "must be 2 to 32 upper-case letters, digits or dashes"));
        }
        String country = request.country();
        if (country != null && !Countries.isAlpha3(country)) {
            violations.add(new FieldError("country", "is not an ISO 3166-1 alpha-3 country code"));
        }
        if (request.iatiOrgRef() != null && !IATI_ORG_REF.matcher(request.iatiOrgRef()).matches()) {
            violations.add(new FieldError("iatiOrgRef", "must be an IATI organisation identifier: an agency prefix, a dash "
                    + "and the number there, e.g. XM-DAC-41301"));
        }
        if (request.type() == ContributorType.MEMBER_STATE) {
            if (!Countries.isAlpha3(code)) {
                violations.add(new FieldError("code", "a member state is identified by its ISO 3166-1 alpha-3 code"));
            } else if (country != null && !country.equals(code)) {
                violations.add(new FieldError("country", "a member state's country is its own code"));
            }
            country = code;
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return country;
    }
}
