package dev.scopemock.junit.internal;

import dev.scopemock.annotations.Chaos;
import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seed of a test scope's chaos generator: the nearest {@code @Chaos(seed = ...)} (the method's, then the
 * innermost class's), else {@code -Dscopemock.chaos.seed}, else a random one; and the line that prints it.
 */
final class ChaosSeeds {

    static final String PROPERTY = "scopemock.chaos.seed";

    private static final SplittableRandom SEEDS = new SplittableRandom();

    private ChaosSeeds() {
    }

    static long resolve(Class<?> testClass, Method method) {
        Chaos onMethod = method.getAnnotation(Chaos.class);
        if (onMethod != null && onMethod.seed() != Chaos.UNSET_SEED) {
            return onMethod.seed();
        }
        List<Class<?>> levels = TestClasses.outermostFirst(testClass);
        for (int i = levels.size() - 1; i >= 0; i--) {
            Chaos onClass = levels.get(i).getAnnotation(Chaos.class);
            if (onClass != null && onClass.seed() != Chaos.UNSET_SEED) {
                return onClass.seed();
            }
        }
        String fixed = System.getProperty(PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Long.parseLong(fixed.trim());
            } catch (NumberFormatException e) {
                throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("-D" + PROPERTY
                        + " must be a whole number (a long), found '" + fixed + "'. Fix: use a seed printed by an"
                        + " earlier failure, such as -D" + PROPERTY + "=42.", e);
            }
        }
        synchronized (SEEDS) {
            return SEEDS.nextLong();
        }
    }

    /** The line failure reports carry. */
    static String describe(String scope, long seed) {
        return "Chaos seed of scope " + scope + ": " + seed + " (replay the same faults with @Chaos(seed = " + seed
                + "L) or -D" + PROPERTY + "=" + seed + ")";
    }

    /** Whether any of the test's stubs has chaos (then its failures print the seed). */
    static boolean used(List<String[]> stubs) {
        for (String[] stub : stubs) {
            if (Verifier.parseObject(stub[3]).get("chaos") != null) {
                return true;
            }
        }
        return false;
    }
}
