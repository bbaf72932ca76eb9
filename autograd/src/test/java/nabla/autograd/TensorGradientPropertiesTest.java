package nabla.autograd;

import static nabla.autograd.FiniteDifferences.assertBackwardMatches;
import static nabla.autograd.Generators.anywhere;
import static nabla.autograd.Generators.awayFromZero;
import static nabla.autograd.Generators.broadcastPairs;
import static nabla.autograd.Generators.dimensions;
import static nabla.autograd.Generators.matrices;
import static nabla.autograd.Generators.matrix;
import static nabla.autograd.Generators.positive;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import java.util.function.UnaryOperator;
import nabla.core.Matrix;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every operation's backward pass against central finite differences, on generated shapes and
 * values: each property draws the operands, builds the operation from parameter leaves and
 * compares their gradients with the numerical ones.
 */
class TensorGradientPropertiesTest {

    @Test
    void addBackwardMatchesFiniteDifferencesWhenBroadcasting() {
        qt().forAll(broadcastPairs(anywhere(), anywhere())).checkAssert(p ->
                assertBackwardMatches("add", x -> x.get(0).add(x.get(1)), p.a(), p.b()));
    }

    @Test
    void subtractBackwardMatchesFiniteDifferencesWhenBroadcasting() {
        qt().forAll(broadcastPairs(anywhere(), anywhere())).checkAssert(p ->
                assertBackwardMatches("subtract", x -> x.get(0).subtract(x.get(1)), p.a(), p.b()));
    }

    @Test
    void multiplyBackwardMatchesFiniteDifferencesWhenBroadcasting() {
        qt().forAll(broadcastPairs(anywhere(), anywhere())).checkAssert(p ->
                assertBackwardMatches("multiply", x -> x.get(0).multiply(x.get(1)), p.a(), p.b()));
    }

    @Test
    void divideBackwardMatchesFiniteDifferencesWhenBroadcasting() {
        qt().forAll(broadcastPairs(anywhere(), awayFromZero())).checkAssert(p ->
                assertBackwardMatches("divide", x -> x.get(0).divide(x.get(1)), p.a(), p.b()));
    }

    @Test
    void matmulBackwardMatchesFiniteDifferences() {
        Gen<List<Matrix>> operands = dimensions().zip(dimensions(), dimensions(), (n, k, m) -> List.of(n, k, m))
                .flatMap(d -> matrix(d.get(0), d.get(1), anywhere())
                        .zip(matrix(d.get(1), d.get(2), anywhere()), List::of));
        qt().forAll(operands).checkAssert(ab ->
                assertBackwardMatches("matmul", x -> x.get(0).matmul(x.get(1)), ab.get(0), ab.get(1)));
    }

    @Test
    void unaryOperationsBackwardMatchFiniteDifferences() {
        checkUnary("negate", anywhere(), Tensor::negate);
        checkUnary("transpose", anywhere(), Tensor::transpose);
        checkUnary("sum", anywhere(), Tensor::sum);
        checkUnary("rowSum", anywhere(), Tensor::rowSum);
        checkUnary("columnSum", anywhere(), Tensor::columnSum);
        checkUnary("mean", anywhere(), Tensor::mean);
        checkUnary("exp", anywhere(), Tensor::exp);
        checkUnary("log", positive(), Tensor::log);
        checkUnary("sigmoid", anywhere(), Tensor::sigmoid);
        checkUnary("tanh", anywhere(), Tensor::tanh);
        checkUnary("relu", awayFromZero(), Tensor::relu);
        checkUnary("softmax", anywhere(), Tensor::softmax);
        checkUnary("logSoftmax", anywhere(), Tensor::logSoftmax);
    }

    @Test
    void operationsWithConstantsBackwardMatchFiniteDifferences() {
        Gen<Double> constants = doubles().between(-3.0, 3.0);
        qt().forAll(matrices(positive()), constants).checkAssert((m, c) -> {
            assertBackwardMatches("scale by " + c, x -> x.get(0).scale(c), m);
            assertBackwardMatches("addScalar " + c, x -> x.get(0).addScalar(c), m);
            assertBackwardMatches("pow " + c, x -> x.get(0).pow(c), m);
        });
    }

    @Test
    void integerPowersBackwardMatchFiniteDifferencesForNegativeBases() {
        qt().forAll(matrices(anywhere()), doubles().between(0.0, 4.0)).checkAssert((m, p) -> {
            double exponent = Math.rint(p);
            assertBackwardMatches("pow " + exponent, x -> x.get(0).pow(exponent), m);
        });
    }

    @Test
    void reusedNodesAndBroadcastsBackwardMatchFiniteDifferences() {
        qt().forAll(broadcastPairs(anywhere(), anywhere())).checkAssert(p ->
                assertBackwardMatches("reused nodes", x -> {
                    Tensor a = x.get(0);
                    Tensor b = x.get(1);
                    Tensor shared = a.add(b).tanh();
                    // a, b and shared each feed several operations
                    return shared.multiply(shared).add(a.multiply(b).sigmoid()).subtract(shared.exp().multiply(a));
                }, p.a(), p.b()));
    }

    @Test
    void sameLeafOnBothSidesBackwardMatchesFiniteDifferences() {
        qt().forAll(matrices(awayFromZero())).checkAssert(m -> {
            assertBackwardMatches("x ⊙ x", x -> x.get(0).multiply(x.get(0)), m);
            assertBackwardMatches("x + x", x -> x.get(0).add(x.get(0)), m);
            assertBackwardMatches("x − x·x", x -> x.get(0).subtract(x.get(0).multiply(x.get(0))), m);
            assertBackwardMatches("x / x²", x -> x.get(0).divide(x.get(0).pow(2.0)), m);
            assertBackwardMatches("xᵀx", x -> x.get(0).transpose().matmul(x.get(0)), m);
        });
    }

    private static void checkUnary(String name, Gen<Double> entries, UnaryOperator<Tensor> operation) {
        qt().forAll(matrices(entries)).checkAssert(m ->
                assertBackwardMatches(name, x -> operation.apply(x.get(0)), m));
    }
}
