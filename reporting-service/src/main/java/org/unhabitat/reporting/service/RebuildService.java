package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.repository.PositionRepository;
import org.unhabitat.reporting.repository.ReadModelRepository;

/**
 * Rebuilds the read model from the topics, in one transaction: it empties every derived table and the
 * inbox, resets every stored position to its partition's beginning, and starts a new generation. Month-end
 * snapshots are frozen and survive; so does the dead-letter list.
 *
 * <p>Whichever instance is asked, every instance replays its own partitions: each sees the new generation
 * (this one at once, the others within a moment) and seeks its partitions to their stored positions. A
 * partition that moves to another instance meanwhile is sought there, from the same stored position, and
 * a batch read before the rebuild finds its generation gone and applies nothing.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final PositionRepository positions;
    private final ReadModelRepository readModel;
    private final Event<ReadModelRebuilt> rebuilt;

    public RebuildService(PositionRepository positions, ReadModelRepository readModel, Event<ReadModelRebuilt> rebuilt) {
        this.positions = positions;
        this.readModel = readModel;
        this.rebuilt = rebuilt;
    }

    /** Waits for batches being applied to commit first; consumption resumes from the beginning once this commits. */
    @Transactional
    public long rebuild() {
        positions.lockAgainstConsumption();
        readModel.empty();
        long generation = positions.restartFromTheBeginning();
        rebuilt.fire(new ReadModelRebuilt(generation));
        LOG.infof("Read model emptied; generation %d replays targets.events and contributions.events from the beginning", generation);
        return generation;
    }
}
