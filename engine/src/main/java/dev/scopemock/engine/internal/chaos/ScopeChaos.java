package dev.scopemock.engine.internal.chaos;

import dev.scopemock.engine.model.Chaos;

/**
 * A scope's chaos: the default faults of its stubs (a stub's own chaos replaces them) and its seeded generator.
 *
 * @param defaults the chaos of stubs without their own, or null
 * @param random the generator
 */
public record ScopeChaos(Chaos defaults, ChaosRandom random) {

    /** No default chaos; seeded from the environment. */
    public static ScopeChaos initial() {
        return new ScopeChaos(null, ChaosRandom.fromEnvironment());
    }

    /** The chaos that applies to a stub. */
    public Chaos effective(Chaos stubChaos) {
        return stubChaos != null ? stubChaos : defaults;
    }
}
