package nabla.core;

import java.util.function.Supplier;

/**
 * Chooses the implementation of the matrix products, once per JVM: {@link VectorKernels} when the
 * {@code jdk.incubator.vector} module is loaded (the {@code nabla} launcher and the build add
 * {@code --add-modules jdk.incubator.vector}) and the processor has 256-bit vectors, else
 * {@link ScalarKernels}. The system property {@code nabla.kernels} set to {@code scalar} or
 * {@code vector} overrides the choice, for benchmarks.
 */
final class MatrixKernels {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final Kernels DEFAULT = choose(System.getProperty("nabla.kernels", ""));

    /** Kernels that a test installed on this thread with {@link #using}; null means the default. */
    private static final ThreadLocal<Kernels> OVERRIDE = new ThreadLocal<>();

    private MatrixKernels() {
    }

    /** Returns the kernels this thread uses. */
    static Kernels current() {
        Kernels override = OVERRIDE.get();
        return override != null ? override : DEFAULT;
    }

    /** Runs {@code body} on this thread with {@code kernels} in place of the default, for tests. */
    static <T> T using(Kernels kernels, Supplier<T> body) {
        Kernels previous = OVERRIDE.get();
        OVERRIDE.set(kernels);
        try {
            return body.get();
        } finally {
            OVERRIDE.set(previous);
        }
    }

    private static Kernels choose(String requested) {
        if (requested.equals("scalar")) {
            return ScalarKernels.INSTANCE;
        }
        boolean moduleLoaded = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        if (requested.equals("vector") && !moduleLoaded) {
            throw new IllegalStateException("nabla.kernels=vector, but the JVM was started without "
                    + "--add-modules " + VECTOR_MODULE);
        }
        if (!moduleLoaded) {
            return ScalarKernels.INSTANCE;
        }
        Kernels vector = vectorKernels();
        if (vector == null && requested.equals("vector")) {
            throw new IllegalStateException("nabla.kernels=vector, but this processor has no 256-bit vectors");
        }
        return vector != null ? vector : ScalarKernels.INSTANCE;
    }

    /**
     * Returns {@link VectorKernels} when the processor computes 256-bit vectors in hardware, else
     * null. The class is named only by reflection, so that nothing links it without the module.
     */
    private static Kernels vectorKernels() {
        try {
            Class<?> type = Class.forName("nabla.core.VectorKernels");
            boolean supported = (Boolean) type.getDeclaredMethod("isSupported").invoke(null);
            return supported ? (Kernels) type.getDeclaredField("INSTANCE").get(null) : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Returns the name of the kernels this JVM uses, {@code vector} or {@code scalar}. */
    static String name() {
        return DEFAULT.name();
    }
}
