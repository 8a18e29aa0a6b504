package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.model.Model;
import lmo.particles.Gathered;
import lmo.particles.Population;

/**
 * Everything the engine runs, independent of the scenario format: the populations (in name order) with the state
 * the run starts from, the model, the dynamics, and the engine and output settings.
 *
 * @param steps number of updates; the run logs states 0 .. steps
 * @param blockSize particles per block (the unit of placement and of reduction order)
 * @param shards requested shard count (clamped to the number of blocks)
 * @param every metrics are logged at steps divisible by it, and at the last step
 * @param snapshotEvery positions are written at steps divisible by it (0: final state only)
 * @param checkpointEvery a checkpoint at steps divisible by it, and of the final state (0: none)
 * @param startStep the step of the populations' state: 0 for a fresh run, the checkpoint's step on resume
 * @param referenceMass each population's total mass at step 0, added in id order: the target of mass
 *     renormalisation, kept across a resume
 * @param startGlobal the model's global state at {@code startStep} (null: the model's initial global state)
 * @param sync how the shards' steps are synchronised (null: {@link Sync#BSP})
 * @param earlierStates a delayed run resumed at {@code startStep}: the states before it whose summaries are in
 *     flight ({@link Checkpoint#earlier}); empty otherwise (null: empty)
 * @param trajectories which particles are recorded as trajectories, and when (null: {@link Trajectories#OFF})
 */
public record Simulation(String name, long seed, int steps, List<Population> populations, Model model,
                         Dynamics dynamics, int blockSize, int shards, int every, int snapshotEvery,
                         int checkpointEvery, long startStep, double[] referenceMass, double[] startGlobal,
                         Sync sync, List<Gathered> earlierStates, Trajectories trajectories) {
    public Simulation {
        if (sync == null) sync = Sync.BSP;
        if (trajectories == null) trajectories = Trajectories.OFF;
        earlierStates = earlierStates == null ? List.of() : List.copyOf(earlierStates);
        if (startGlobal == null) startGlobal = model == null ? new double[0] : model.initialGlobalState();
        int globalLength = model == null ? 0 : model.globalStateLength();
        if (startGlobal.length != globalLength) {
            throw new IllegalArgumentException("the model's global state has " + globalLength + " doubles, not "
                    + startGlobal.length);
        }
        startGlobal = startGlobal.clone();
        populations = model == null ? List.copyOf(populations)
                : populations.stream().map(p -> p.withSolverWidth(model.solverWidth(p.index()))).toList();
        referenceMass = referenceMass.clone();
        if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1");
        if (shards < 1) throw new IllegalArgumentException("shards must be >= 1");
        if (every < 1) throw new IllegalArgumentException("every must be >= 1");
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpointEvery must be >= 0");
        if (startStep < 0 || startStep > steps) throw new IllegalArgumentException("startStep must be in 0 .. steps");
        if (referenceMass.length != populations.size()) throw new IllegalArgumentException("one reference mass per population");
        for (int p = 0; p < populations.size(); p++) {
            if (populations.get(p).index() != p) throw new IllegalArgumentException("population indices out of order");
        }
    }

    /** Without trajectories. */
    public Simulation(String name, long seed, int steps, List<Population> populations, Model model, Dynamics dynamics,
                      int blockSize, int shards, int every, int snapshotEvery, int checkpointEvery, long startStep,
                      double[] referenceMass, double[] startGlobal, Sync sync, List<Gathered> earlierStates) {
        this(name, seed, steps, populations, model, dynamics, blockSize, shards, every, snapshotEvery, checkpointEvery,
                startStep, referenceMass, startGlobal, sync, earlierStates, Trajectories.OFF);
    }

    /** A fresh run (from step 0, the reference masses those of the populations) with periodic checkpoints. */
    public Simulation(String name, long seed, int steps, List<Population> populations, Model model, Dynamics dynamics,
                      int blockSize, int shards, int every, int snapshotEvery, int checkpointEvery) {
        this(name, seed, steps, populations, model, dynamics, blockSize, shards, every, snapshotEvery, checkpointEvery,
                0, populations.stream().mapToDouble(Population::initialMass).toArray(), null, Sync.BSP, null);
    }

    /** A bsp simulation starting at {@code startStep} (see the canonical constructor). */
    public Simulation(String name, long seed, int steps, List<Population> populations, Model model, Dynamics dynamics,
                      int blockSize, int shards, int every, int snapshotEvery, int checkpointEvery, long startStep,
                      double[] referenceMass, double[] startGlobal) {
        this(name, seed, steps, populations, model, dynamics, blockSize, shards, every, snapshotEvery, checkpointEvery,
                startStep, referenceMass, startGlobal, Sync.BSP, null);
    }

    /** A fresh run without checkpoints. */
    public Simulation(String name, long seed, int steps, List<Population> populations, Model model, Dynamics dynamics,
                      int blockSize, int shards, int every, int snapshotEvery) {
        this(name, seed, steps, populations, model, dynamics, blockSize, shards, every, snapshotEvery, 0);
    }

    @Override
    public double[] referenceMass() { return referenceMass.clone(); }

    @Override
    public double[] startGlobal() { return startGlobal.clone(); }

    /** The particle count of every population, by index. */
    public int[] counts() {
        return populations.stream().mapToInt(Population::count).toArray();
    }

    /** A copy with another shard count. */
    public Simulation withShards(int n) {
        return new Simulation(name, seed, steps, populations, model, dynamics, blockSize, n, every, snapshotEvery,
                checkpointEvery, startStep, referenceMass, startGlobal, sync, earlierStates, trajectories);
    }

    /** A copy with other trajectories. */
    public Simulation withTrajectories(Trajectories t) {
        return new Simulation(name, seed, steps, populations, model, dynamics, blockSize, shards, every, snapshotEvery,
                checkpointEvery, startStep, referenceMass, startGlobal, sync, earlierStates, t);
    }

    /** A copy with another synchronisation. */
    public Simulation withSync(Sync s) {
        return new Simulation(name, seed, steps, populations, model, dynamics, blockSize, shards, every, snapshotEvery,
                checkpointEvery, startStep, referenceMass, startGlobal, s, earlierStates, trajectories);
    }

    /**
     * A copy that starts from the checkpoint's state at {@code startStep = c.step()}; the reference masses stay those
     * of step 0.
     *
     * @throws IllegalArgumentException if the checkpoint's populations do not have this simulation's particle counts,
     *     dimensions and solver widths, its global state not the model's length, or its step is past {@code steps}
     */
    public Simulation resumeFrom(Checkpoint c) {
        Gathered s = c.state();
        if (s.m().length != populations.size()) {
            throw new IllegalArgumentException("the checkpoint has " + s.m().length + " populations, expected "
                    + populations.size());
        }
        if (c.step() > steps) {
            throw new IllegalArgumentException("the checkpoint is at step " + c.step() + ", past steps " + steps);
        }
        List<Population> from = new ArrayList<>();
        for (Population p : populations) {
            int i = p.index();
            if (s.dim()[i] != p.dim() || s.count(i) != p.count()) {
                throw new IllegalArgumentException("population " + p.name() + ": the checkpoint has " + s.count(i)
                        + " particles of dimension " + s.dim()[i] + ", expected " + p.count() + " of dimension " + p.dim());
            }
            if (s.solverWidth()[i] != p.solverWidth()) {
                throw new IllegalArgumentException("population " + p.name() + ": the checkpoint has solver width "
                        + s.solverWidth()[i] + ", the model " + p.solverWidth());
            }
            from.add(new Population(p.name(), i, p.space(), s.x()[i].clone(), s.m()[i].clone(), p.solverWidth(),
                    s.s()[i].clone()));
        }
        if (s.global().length != startGlobal.length) {
            throw new IllegalArgumentException("the checkpoint has " + s.global().length + " doubles of model global"
                    + " state, the model " + startGlobal.length);
        }
        return new Simulation(name, seed, steps, from, model, dynamics, blockSize, shards, every, snapshotEvery,
                checkpointEvery, c.step(), referenceMass, s.global(), sync, c.earlier(), trajectories);
    }
}
