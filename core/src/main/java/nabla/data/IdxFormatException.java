package nabla.data;

import java.io.IOException;

/**
 * Thrown when a file is not a valid IDX file of the expected kind: a wrong magic number, a
 * truncated or overlong body, counts that disagree with the file's length or with its companion
 * file, or a gzip stream that cannot be read. The message names the file, what was expected and
 * what was found.
 */
public class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
