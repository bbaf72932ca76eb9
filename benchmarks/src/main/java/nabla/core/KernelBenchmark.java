package nabla.core;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three products of one mini-batch of 10 MNIST images through Network([784, 30, 10]), for
 * each kernel implementation. In package nabla.core to reach the package-private kernels.
 *
 * <pre>
 * mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar KernelBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelBenchmark {

    @Param({"reference", "scalar", "vector"})
    public String kernels;

    private Kernels implementation;
    private Matrix w1;
    private Matrix w2;
    private Matrix x;
    private Matrix delta1;
    private Matrix delta2;
    private Matrix z1;
    private Matrix nablaW1;
    private Matrix backpropagated;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        implementation = switch (kernels) {
            case "reference" -> ReferenceKernels.INSTANCE;
            case "scalar" -> ScalarKernels.INSTANCE;
            case "vector" -> VectorKernels.INSTANCE;
            default -> throw new IllegalArgumentException("unknown kernels " + kernels);
        };
        Dataset images = DataSplit.embeddedSample().training();
        x = images.inputs(images.identityOrder(), 0, 10);
        Random random = new Random(1);
        w1 = gaussian(30, 784, random);
        w2 = gaussian(10, 30, random);
        delta1 = gaussian(30, 10, random);
        delta2 = gaussian(10, 10, random);
        z1 = Matrix.zeros(30, 10);
        nablaW1 = Matrix.zeros(30, 784);
        backpropagated = Matrix.zeros(30, 10);
    }

    private static Matrix gaussian(int rows, int cols, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = random.nextGaussian();
        }
        return m;
    }

    /** z¹ = w¹x: (30×784)·(784×10). */
    @Benchmark
    public Matrix weightedInput() {
        implementation.multiply(w1, x, z1);
        return z1;
    }

    /** BP4: δ¹xᵀ, (30×10)·(10×784), the rank-10 update of ∂C/∂w¹. */
    @Benchmark
    public Matrix weightGradient() {
        implementation.multiplyTranspose(delta1, x, nablaW1);
        return nablaW1;
    }

    /** BP2: (w²)ᵀδ², (10×30)ᵀ·(10×10). */
    @Benchmark
    public Matrix hiddenError() {
        implementation.transposeMultiply(w2, delta2, backpropagated);
        return backpropagated;
    }
}
