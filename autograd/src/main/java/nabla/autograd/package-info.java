/**
 * Reverse-mode automatic differentiation over matrices: the second, independent way to compute
 * the network's gradient.
 *
 * <p>{@link nabla.autograd.Tensor} is the central class: a node holding a matrix value and its
 * gradient, built by operations that record how to send the gradient back.
 * {@link nabla.autograd.TensorOps} lets core's activations and costs write themselves into the
 * graph, and {@link nabla.autograd.GraphBackprop} records a whole network that way and implements
 * {@link nabla.core.Backprop}, so that training can take its gradients from the graph.
 */
package nabla.autograd;
