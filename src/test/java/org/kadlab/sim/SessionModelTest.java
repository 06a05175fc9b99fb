package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Session lengths: sample means close to the requested mean, and impossible settings rejected. The
 * statistical checks use a fixed seed and a tolerance of many standard errors, so they cannot flake.
 */
class SessionModelTest {
    private static final int SAMPLES = 200_000;
    private static final double MEAN = 600_000;

    private static double[] samples(SessionModel m, double shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            out[i] = m.sample(r, MEAN, shape);
        }
        return out;
    }

    private static double mean(double[] xs) {
        return Arrays.stream(xs).sum() / xs.length;
    }

    @Test
    @DisplayName("exponential, Pareto (shape 3) and Weibull (shapes 0.6, 1, 2) sample means lie within 3% of the mean")
    void sampleMeansAreCloseToTheRequestedMean() {
        // coefficients of variation: exponential 1, Pareto(3) 0.58, Weibull(0.6) 1.76; over 200,000 samples
        // one standard error is at most 0.4%, so 3% is over 7 standard errors.
        Object[][] cases = {
            {SessionModel.EXPONENTIAL, 1.0}, {SessionModel.PARETO, 3.0}, {SessionModel.WEIBULL, 0.6},
            {SessionModel.WEIBULL, 1.0}, {SessionModel.WEIBULL, 2.0},
        };
        long seed = 1;
        for (Object[] c : cases) {
            SessionModel m = (SessionModel) c[0];
            double shape = (double) c[1];
            double[] xs = samples(m, shape, seed++);
            assertThat(Arrays.stream(xs).allMatch(x -> x > 0 && Double.isFinite(x))).as("%s(%s): positive finite lengths", m, shape).isTrue();
            double mean = mean(xs);
            System.out.printf("session model %s shape %.1f: sample mean %.0f ms (requested %.0f)%n", m, shape, mean, MEAN);
            assertThat(mean).as("%s(%s): sample mean", m, shape).isCloseTo(MEAN, within(0.03 * MEAN));
        }
    }

    @Test
    @DisplayName("the time left of a session under way has the equilibrium residual's mean, E[X^2] / (2 E[X])")
    void remainingTimeHasTheEquilibriumResidualMean() {
        // exponential: E[X^2] / 2E[X] = mean; Pareto(a = 3): x_m^2 a / (a - 2) / (2 mean); Weibull(c):
        // l Gamma(1 + 2/c) / (2 Gamma(1 + 1/c)), with l = mean / Gamma(1 + 1/c)
        double xm = MEAN * 2 / 3;
        double l6 = MEAN / SessionModel.gamma(1 + 1 / 0.6);
        double l2 = MEAN / SessionModel.gamma(1.5);
        Object[][] cases = {
            {SessionModel.EXPONENTIAL, 1.0, MEAN},
            {SessionModel.PARETO, 3.0, xm * xm * 3 / (2 * MEAN)},
            {SessionModel.WEIBULL, 0.6, l6 * SessionModel.gamma(1 + 2 / 0.6) / (2 * SessionModel.gamma(1 + 1 / 0.6))},
            {SessionModel.WEIBULL, 2.0, l2 * SessionModel.gamma(2) / (2 * SessionModel.gamma(1.5))},
        };
        SplittableRandom r = new SplittableRandom(5);
        for (Object[] c : cases) {
            SessionModel m = (SessionModel) c[0];
            double shape = (double) c[1];
            double want = (double) c[2];
            double sum = 0;
            for (int i = 0; i < SAMPLES; i++) {
                double x = m.sampleRemaining(r, MEAN, shape);
                assertThat(x).as("%s(%s): a positive finite time left", m, shape).isFinite().isGreaterThanOrEqualTo(0);
                sum += x;
            }
            // the residual of Weibull(0.6) has a coefficient of variation near 2: 4% is 9 standard errors
            assertThat(sum / SAMPLES).as("%s(%s): mean time left", m, shape).isCloseTo(want, within(0.04 * want));
        }
    }

    @Test
    @DisplayName("a Gamma(a) draw has mean a and variance a")
    void gammaVariatesHaveTheirMoments() {
        SplittableRandom r = new SplittableRandom(6);
        for (double a : new double[] {1.0, 1.5, 2.6667, 6.0}) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < SAMPLES; i++) {
                double x = SessionModel.gammaVariate(r, a);
                sum += x;
                sq += x * x;
            }
            double mean = sum / SAMPLES;
            assertThat(mean).as("mean of Gamma(%s)", a).isCloseTo(a, within(0.02 * a));
            assertThat(sq / SAMPLES - mean * mean).as("variance of Gamma(%s)", a).isCloseTo(a, within(0.05 * a));
        }
    }

    @Test
    @DisplayName("a heavy-tailed Pareto (shape 1.5) has the right median and never samples below its scale")
    void heavyTailedParetoHasTheRightMedianAndScale() {
        double shape = 1.5;
        double scale = MEAN * (shape - 1) / shape;
        double[] xs = samples(SessionModel.PARETO, shape, 77);
        assertThat(Arrays.stream(xs).min().getAsDouble()).as("smallest sample").isGreaterThanOrEqualTo(scale);
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        double median = sorted[SAMPLES / 2];
        double want = scale * Math.pow(2, 1 / shape);
        assertThat(median).as("median of Pareto(1.5)").isCloseTo(want, within(0.02 * want));
    }

    @Test
    @DisplayName("the Lanczos Gamma matches known values")
    void gammaMatchesKnownValues() {
        assertThat(SessionModel.gamma(5)).isCloseTo(24, within(1e-9));
        assertThat(SessionModel.gamma(0.5)).isCloseTo(Math.sqrt(Math.PI), within(1e-12));
        assertThat(SessionModel.gamma(1)).isCloseTo(1, within(1e-12));
        assertThat(SessionModel.gamma(2.5)).isCloseTo(1.329340388179137, within(1e-12));
    }

    @Test
    @DisplayName("validate rejects Pareto shape <= 1, Weibull shape <= 0, a non-positive or NaN mean, and a NaN shape")
    void validateRejectsImpossibleSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionModel.PARETO.validate(MEAN, 1.0)).withMessageContaining("shape");
        assertThatIllegalArgumentException().isThrownBy(() -> SessionModel.PARETO.validate(MEAN, 0.5)).withMessageContaining("shape");
        assertThatIllegalArgumentException().isThrownBy(() -> SessionModel.PARETO.validate(MEAN, Double.NaN)).withMessageContaining("shape");
        assertThatIllegalArgumentException().isThrownBy(() -> SessionModel.WEIBULL.validate(MEAN, 0)).withMessageContaining("shape");
        assertThatIllegalArgumentException().isThrownBy(() -> SessionModel.WEIBULL.validate(MEAN, -2)).withMessageContaining("shape");
        for (SessionModel m : SessionModel.values()) {
            assertThatIllegalArgumentException().isThrownBy(() -> m.validate(0, 2)).withMessageContaining("mean_session");
            assertThatIllegalArgumentException().isThrownBy(() -> m.validate(-5, 2)).withMessageContaining("mean_session");
            assertThatIllegalArgumentException().isThrownBy(() -> m.validate(Double.NaN, 2)).withMessageContaining("mean_session");
        }
        SessionModel.PARETO.validate(MEAN, 1.0001);
        SessionModel.WEIBULL.validate(MEAN, 0.1);
        SessionModel.EXPONENTIAL.validate(MEAN, 0); // the exponential model has no shape
    }

    @Test
    @DisplayName("parse accepts the three names in any case and names the choices otherwise")
    void parseNamesTheChoices() {
        assertThat(SessionModel.parse("Pareto")).isEqualTo(SessionModel.PARETO);
        assertThat(SessionModel.parse("WEIBULL")).isEqualTo(SessionModel.WEIBULL);
        assertThat(SessionModel.parse("exponential")).isEqualTo(SessionModel.EXPONENTIAL);
        assertThatIllegalArgumentException().isThrownBy(() -> SessionModel.parse("gaussian"))
                .withMessageContaining("gaussian").withMessageContaining("exponential, pareto or weibull");
    }
}
