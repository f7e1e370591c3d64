package dev.scopemock.engine.model;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The body of a canned response.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface ResponseBody {

    /**
     * Text sent as UTF-8; {@code text/plain; charset=utf-8} when the stub sets no content type.
     *
     * @param text the body text
     */
    record Text(String text) implements ResponseBody {
        /**
         * Checks the text is present.
         *
         * @param text the body text
         */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A JSON value (object, array, number or boolean) sent as compact JSON; {@code application/json} when the stub
     * sets no content type.
     *
     * @param value the plain JSON value
     */
    record Json(Object value) implements ResponseBody {
    }

    /**
     * Raw bytes; {@code application/octet-stream} when the stub sets no content type.
     *
     * @param bytes the body
     */
    record Bytes(byte[] bytes) implements ResponseBody {
        /**
         * Copies the bytes.
         *
         * @param bytes the body
         */
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + " bytes]";
        }
    }

    /**
     * A Jinja template rendered per request with the {@code request.*} context.
     *
     * @param source the template text
     */
    record Template(String source) implements ResponseBody {
        /**
         * Checks the source is present.
         *
         * @param source the template text
         */
        public Template {
            Objects.requireNonNull(source, "source");
        }
    }
}
