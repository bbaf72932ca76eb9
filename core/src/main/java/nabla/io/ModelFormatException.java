package nabla.io;

import java.io.IOException;

/**
 * Thrown when a file cannot be loaded as a saved model: it is not JSON or is cut short, its
 * format name or version is not one this library reads, a field is missing, unknown or of the
 * wrong type, an activation or cost is unknown, the weight and bias arrays disagree with the
 * sizes, or a number is not finite. The message starts with the file and names the field.
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
