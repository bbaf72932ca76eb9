package nabla.autograd;

import static nabla.autograd.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import nabla.core.Matrix;
import org.junit.jupiter.api.Test;

/** What backward() promises: accumulation, ordering, resets, errors, and graphs deep or shared. */
class BackwardTest {

    private static final Matrix X = Matrix.of(new double[][] {{1.5, -2.0, 0.25}, {3.0, 0.5, -1.0}});

    @Test
    void productWithItselfHasGradientTwiceX() {
        Tensor x = Tensor.parameter(X);

        x.multiply(x).sum().backward();

        // d(x·x)/dx = x + x: one share through each operand
        assertEquals(X.scale(2.0), x.grad());
    }

    @Test
    void sumOfANodeWithItselfHasGradientTwo() {
        Tensor x = Tensor.parameter(X);

        x.add(x).sum().backward();

        assertEquals(Matrix.of(new double[][] {{2, 2, 2}, {2, 2, 2}}), x.grad());
    }

    @Test
    void nodesThatRequireNoGradientAreLeftAlone() {
        Tensor x = Tensor.parameter(X);
        Tensor c = Tensor.constant(X.scale(3.0));
        Tensor fromConstantsOnly = c.exp();

        x.multiply(fromConstantsOnly).add(c).sum().backward();

        assertAll(
                () -> assertFalse(c.requiresGrad()),
                () -> assertFalse(c.hasGrad()),
                () -> assertFalse(fromConstantsOnly.requiresGrad()),
                () -> assertFalse(fromConstantsOnly.hasGrad()),
                () -> assertThrows(IllegalStateException.class, c::grad),
                () -> assertEquals(X.scale(3.0).map(Math::exp), x.grad()));
    }

    @Test
    void backwardTwiceAccumulatesLeafGradientsUntilReset() {
        Tensor x = Tensor.parameter(X);
        Tensor square = x.multiply(x);
        Tensor y = square.sum();

        y.backward();
        Matrix once = x.grad().copy();
        Matrix interiorOnce = square.grad().copy();
        y.backward();

        // leaves add the second pass to the first; interior nodes are recomputed, not doubled
        assertEquals(once.scale(2.0), x.grad());
        assertEquals(interiorOnce, square.grad());

        y.zeroGrad();
        assertFalse(x.hasGrad());
        y.backward();
        assertEquals(once, x.grad());
    }

    @Test
    void nonScalarWithoutSeedNamesShape() {
        Tensor y = Tensor.parameter(X).sigmoid();

        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);

        assertTrue(e.getMessage().contains("(2x3)"), e.getMessage());
        assertTrue(e.getMessage().contains("not a scalar"), e.getMessage());
    }

    @Test
    void backwardFromNonScalarUsesTheSeed() {
        Tensor x = Tensor.parameter(X);
        Matrix seed = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

        x.scale(3.0).backward(seed);

        assertEquals(seed.scale(3.0), x.grad());
    }

    @Test
    void backwardRejectsASeedOfAnotherShapeNamingBoth() {
        Tensor y = Tensor.parameter(X).sigmoid();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> y.backward(Matrix.zeros(3, 2)));

        assertTrue(e.getMessage().contains("(3x2)"), e.getMessage());
        assertTrue(e.getMessage().contains("(2x3)"), e.getMessage());
    }

    @Test
    void backwardFromANodeThatRequiresNoGradientFails() {
        Tensor y = Tensor.constant(X).sum();

        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void shapeMismatchNamesTheOperationAndBothShapes() {
        Tensor a = Tensor.parameter(Matrix.zeros(2, 3));
        Tensor b = Tensor.parameter(Matrix.zeros(3, 2));

        assertAll(
                () -> assertEquals("add: (2x3) and (3x2): shapes must be equal or broadcast, each dimension "
                        + "equal in both or 1 in one of them",
                        assertThrows(IllegalArgumentException.class, () -> a.add(b)).getMessage()),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> a.multiply(b.rowSum()))
                        .getMessage().startsWith("multiply: (2x3) and (3x1)")),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> a.divide(Tensor.parameter(Matrix.zeros(2, 2))))
                        .getMessage().startsWith("divide: (2x3) and (2x2)")),
                () -> assertEquals("matmul: (2x3) x (2x3): inner dimensions 3 and 2 differ",
                        assertThrows(IllegalArgumentException.class, () -> a.matmul(a)).getMessage()));
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = Tensor.parameter(X);
        Tensor detached = x.detach();

        x.multiply(detached).sum().backward();

        // only the first operand carries a gradient: d(x·c)/dx = c = x
        assertAll(
                () -> assertEquals(X, x.grad()),
                () -> assertFalse(detached.requiresGrad()),
                () -> assertSame(x.value(), detached.value()));
    }

    @Test
    void withoutGradRecordsNoGraph() {
        Tensor x = Tensor.parameter(X);

        Tensor y = Tensor.withoutGrad(() -> x.multiply(x).sigmoid());

        assertAll(
                () -> assertFalse(y.requiresGrad()),
                () -> assertTrue(y.parents().isEmpty()),
                () -> assertEquals(X.hadamard(X).map(v -> 1.0 / (1.0 + Math.exp(-v))), y.value()),
                () -> assertTrue(Tensor.isGradEnabled()));
    }

    @Test
    void withoutGradTurnsTrackingBackOnAfterAFailure() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.withoutGrad(() -> {
            assertFalse(Tensor.isGradEnabled());
            return Tensor.scalar(1.0).matmul(Tensor.constant(X));
        }));

        assertTrue(Tensor.isGradEnabled());
    }

    @Test
    void chainOf100000OperationsNeedsNoDeepStack() throws InterruptedException {
        int length = 100_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Matrix> gradient = new AtomicReference<>();
        // A thread with a 256 KiB stack: recursion over 100,000 nodes would overflow it many times over.
        Thread worker = new Thread(null, () -> {
            try {
                Tensor x = Tensor.parameter(Matrix.column(0.5));
                Tensor chain = x;
                for (int k = 0; k < length; k++) {
                    chain = chain.add(x);
                }
                chain.backward();
                gradient.set(x.grad());
                chain.zeroGrad();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "deep-chain", 256 * 1024);

        worker.start();
        worker.join();

        assertEquals(null, failure.get(), () -> "the chain failed: " + failure.get());
        // x starts the chain and is added once per link: ∂chain/∂x = 100,001
        assertEquals(Matrix.column(length + 1.0), gradient.get());
    }

    @Test
    void sharedSubexpressionsGetTheSumOfTheirUses() {
        Matrix xValue = Matrix.of(new double[][] {{0.3, -1.2}, {2.0, 0.7}});
        Matrix wValue = Matrix.of(new double[][] {{1.1, 0.4}, {-0.6, 2.5}});
        Tensor x = Tensor.parameter(xValue);
        Tensor w = Tensor.parameter(wValue);
        Tensor u = x.multiply(w);

        // f = Σ (u ⊙ u + σ(u) + u), with u = x ⊙ w used three times
        u.multiply(u).add(u.sigmoid()).add(u).sum().backward();

        // ∂f/∂u = 2u + σ(u)(1 − σ(u)) + 1, then ∂f/∂x = ∂f/∂u ⊙ w and ∂f/∂w = ∂f/∂u ⊙ x
        Matrix uValue = xValue.hadamard(wValue);
        Matrix byU = uValue.map(v -> {
            double s = 1.0 / (1.0 + Math.exp(-v));
            return 2.0 * v + s * (1.0 - s) + 1.0;
        });
        assertClose("∂f/∂x", byU.hadamard(wValue), x.grad(), Tolerances.ORACLE_ABSOLUTE, Tolerances.ORACLE_RELATIVE);
        assertClose("∂f/∂w", byU.hadamard(xValue), w.grad(), Tolerances.ORACLE_ABSOLUTE, Tolerances.ORACLE_RELATIVE);
    }

    @Test
    void diamondsAreVisitedOncePerNode() {
        Tensor x = Tensor.parameter(Matrix.column(3.0));
        Tensor doubled = x;
        // Each step uses the previous node twice, so the graph has 2⁶⁰ paths from the end to x but
        // only 61 nodes. A backward pass that walked paths instead of nodes would never finish.
        for (int k = 0; k < 60; k++) {
            doubled = doubled.add(doubled);
        }
        Tensor root = doubled;

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> root.backward());

        assertEquals(Matrix.column(Math.pow(2.0, 60)), x.grad());
        assertEquals(61, root.topologicalOrder().size());
    }
}
