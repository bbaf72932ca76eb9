package nabla.io;

import nabla.core.Network;
import nabla.train.TrainingState;

/**
 * A network saved during or after training, together with the state that lets {@link
 * nabla.train.Sgd} resume it.
 */
public record Checkpoint(Network network, TrainingState training) {
}
