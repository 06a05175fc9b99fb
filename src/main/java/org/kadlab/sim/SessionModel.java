package org.kadlab.sim;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How long a node stays online, as a distribution of session lengths with a given mean.
 *
 * <ul>
 *   <li>exponential(mean): -mean * ln(U)</li>
 *   <li>Pareto(mean, shape a > 1): scale x_m = mean (a - 1) / a, length x_m / U^(1/a)</li>
 *   <li>Weibull(mean, shape c > 0): scale l = mean / Gamma(1 + 1/c), length l (-ln U)^(1/c)</li>
 * </ul>
 * U is uniform in (0, 1].
 */
public enum SessionModel {
    EXPONENTIAL, PARETO, WEIBULL;

    /** The model called {@code name} (case-insensitive). */
    public static SessionModel parse(String name) {
        for (SessionModel m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown session model '" + name + "': use exponential, pareto or weibull");
    }

    /** Rejects a mean or shape this model cannot use, naming the field. */
    public void validate(double meanMs, double shape) {
        if (!(meanMs > 0)) {
            throw new IllegalArgumentException("mean_session must be positive");
        }
        if (this == PARETO && !(shape > 1)) {
            throw new IllegalArgumentException("shape must be above 1 for a Pareto model (its mean is infinite otherwise), was " + shape);
        }
        if (this == WEIBULL && !(shape > 0)) {
            throw new IllegalArgumentException("shape must be positive for a Weibull model, was " + shape);
        }
    }

    /** One session length in ms. */
    public double sample(RandomGenerator random, double meanMs, double shape) {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        return switch (this) {
            case EXPONENTIAL -> -meanMs * Math.log(u);
            case PARETO -> meanMs * (shape - 1) / shape / Math.pow(u, 1.0 / shape);
            case WEIBULL -> meanMs / gamma(1 + 1 / shape) * Math.pow(-Math.log(u), 1 / shape);
        };
    }

    /**
     * The time left, in ms, of a session already under way when churn starts, drawn so that the
     * population is in its steady state from the first moment: the equilibrium residual of a session,
     * U times a length-biased session (a long session is more likely to be the one under way).
     * Exponential: a fresh session (memoryless). Pareto(a): length-biased is Pareto(a - 1) with the same
     * scale. Weibull(c): length-biased is l G^(1/c) with G drawn from Gamma(1 + 1/c). Fresh sessions for
     * everyone would crowd early departures (a heavy-tailed model ends many sessions at once) and thin out
     * the population before the arrivals catch up.
     */
    public double sampleRemaining(RandomGenerator random, double meanMs, double shape) {
        return switch (this) {
            case EXPONENTIAL -> sample(random, meanMs, shape);
            case PARETO -> meanMs * (shape - 1) / shape / Math.pow(1.0 - random.nextDouble(), 1.0 / (shape - 1))
                    * random.nextDouble();
            case WEIBULL -> meanMs / gamma(1 + 1 / shape) * Math.pow(gammaVariate(random, 1 + 1 / shape), 1 / shape)
                    * random.nextDouble();
        };
    }

    /** A draw from Gamma(a, 1) for a >= 1 (Marsaglia and Tsang, 2000), normals by Box-Muller. */
    static double gammaVariate(RandomGenerator random, double a) {
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = Math.sqrt(-2 * Math.log(1.0 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** The Gamma function by the Lanczos approximation (g = 7, n = 9), good to about 15 digits. */
    static double gamma(double x) {
        if (x < 0.5) {
            return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
