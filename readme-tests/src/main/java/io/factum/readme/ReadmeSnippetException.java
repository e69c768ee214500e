package io.factum.readme;

/** A README snippet is missing, malformed or does not fit the project built from it. The message names the snippet. */
public final class ReadmeSnippetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReadmeSnippetException(String message) {
        super(message);
    }
}
