package dev.scopemock.engine.internal.chaos;

import java.util.SplittableRandom;

/**
 * A scope's seeded generator: every random chaos decision of the scope draws from it, so one seed and one order
 * of requests replay the same faults. Draws are serialised (a short lock, never held while waiting).
 */
public final class ChaosRandom {

    /** The system property that fixes the seed of scopes created without one. */
    public static final String SEED_PROPERTY = "scopemock.chaos.seed";

    private final long seed;
    private final SplittableRandom random;

    public ChaosRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A generator seeded from {@value #SEED_PROPERTY} when set, otherwise from a fresh random seed. */
    public static ChaosRandom fromEnvironment() {
        String fixed = System.getProperty(SEED_PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            try {
                return new ChaosRandom(Long.parseLong(fixed.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a whole number (a long), found '"
                        + fixed + "'", e);
            }
        }
        return new ChaosRandom(new SplittableRandom().nextLong());
    }

    public long seed() {
        return seed;
    }

    /** Uniform in {@code [0, 1)}. */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in {@code [0, bound)}. */
    public synchronized long nextLong(long bound) {
        return random.nextLong(bound);
    }

    /** {@code n} random bytes. */
    public synchronized byte[] nextBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
