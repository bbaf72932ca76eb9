package nabla.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import nabla.autograd.GraphBackprop;
import nabla.core.Backprop;
import nabla.core.MiniBatchBackprop;
import picocli.CommandLine;

/** The ways {@code nabla train} can compute the gradient, by the name given to {@code --engine}. */
enum Engine {
    /** The hand-coded backprop of the four equations, for a whole mini-batch at once. */
    HAND("hand") {
        @Override
        Backprop backprop() {
            // SGD applies each gradient before asking for the next, so the buffers can be reused.
            return MiniBatchBackprop.reusingBuffers();
        }
    },
    /** Reverse-mode autodiff over a graph of the network's operations. */
    AUTOGRAD("autograd") {
        @Override
        Backprop backprop() {
            return GraphBackprop.reusingBuffers();
        }
    };

    private final String flagValue;

    Engine(String flagValue) {
        this.flagValue = flagValue;
    }

    abstract Backprop backprop();

    @Override
    public String toString() {
        return flagValue;
    }

    /** Converts the value of {@code --engine}, and rejects an unknown one naming the known engines. */
    static final class Converter implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine engine : values()) {
                if (engine.flagValue.equals(value)) {
                    return engine;
                }
            }
            throw new CommandLine.TypeConversionException("unknown engine '" + value + "'; known: " + names());
        }
    }

    /** Returns the flag values of all engines, such as {@code hand, autograd}. */
    static String names() {
        return Arrays.stream(values()).map(Engine::toString).collect(Collectors.joining(", "));
    }
}
