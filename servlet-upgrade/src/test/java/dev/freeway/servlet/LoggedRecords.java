package dev.freeway.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one class logs through {@code System.Logger} (which goes to java.util.logging here)
 * while a test runs; {@link #close} detaches it.
 */
public final class LoggedRecords extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LoggedRecords(Logger logger) {
        this.logger = logger;
    }

    /** Starts recording what {@code type} logs at {@code level} and above. */
    public static LoggedRecords of(Class<?> type, Level level) {
        LoggedRecords recorder = new LoggedRecords(Logger.getLogger(type.getName()));
        recorder.setLevel(level);
        recorder.logger.addHandler(recorder);
        return recorder;
    }

    /** What was logged at exactly {@code level}, oldest first. */
    public List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
