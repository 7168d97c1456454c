package org.lstmrepro.reports.cli;

/** Bad input from the user (a file, a value): reported in one line with exit status 2. */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
