package org.unhabitat.contributions.service;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.unhabitat.contributions.api.ImportKind;
import org.unhabitat.contributions.service.exception.ImportTooLargeException;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An import file read from its stream (RFC 4180, UTF-8, header row) into its rows, refusing what is not a
 * spreadsheet's CSV before any row is looked at: a byte order mark, bytes that are not UTF-8, more than the limit,
 * a line with absurdly many separators, unknown or repeated columns.
 */
final class ImportFile {

    /** A row has at most a dozen columns; text with commas in quotes is the only reason for more separators. */
    static final int MAX_SEPARATORS_PER_LINE = 1000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final Map<String, Integer> columns;
    private final List<CSVRecord> rows;

    private ImportFile(Map<String, Integer> columns, List<CSVRecord> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static ImportFile read(ImportKind kind, InputStream body, long limit) {
        Reader reader = new InputStreamReader(new Limited(body, limit), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVParser parser = CSVParser.builder().setReader(new SeparatorBudget(reader)).setFormat(FORMAT).get()) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record);
            }
            if (records.isEmpty()) {
                throw new InvalidRequestException("body", "is empty; the first row names the columns");
            }
            Map<String, Integer> columns = header(kind, records.get(0));
            List<CSVRecord> rows = records.subList(1, records.size());
            if (rows.isEmpty()) {
                throw new InvalidRequestException("body", "has a header but no rows");
            }
            return new ImportFile(columns, rows);
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause());
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    List<CSVRecord> rows() {
        return rows;
    }

    int columnCount() {
        return columns.size();
    }

    /** The value of a column in a row; empty when the file has no such column or leaves it blank. */
    Optional<String> value(CSVRecord row, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.size() || row.get(index).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(row.get(index));
    }

    private static Map<String, Integer> header(ImportKind kind, CSVRecord header) {
        List<FieldError> violations = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        if (header.get(0).startsWith("\uFEFF")) {
            throw new InvalidRequestException("body", "starts with a byte order mark; save the file as UTF-8 without one (CSV UTF-8 without BOM)");
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!kind.isColumn(name)) {
                violations.add(new FieldError(name, "is not a column of a " + kind.code() + " import"));
            } else if (columns.putIfAbsent(name, i) != null) {
                violations.add(new FieldError(name, "appears more than once in the header"));
            }
        }
        for (String required : kind.required()) {
            if (!columns.containsKey(required)) {
                violations.add(new FieldError(required, "is a required column, missing from the header"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return columns;
    }

    private static RuntimeException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge tooLarge) {
                return new ImportTooLargeException(tooLarge.limit);
            }
            if (cause instanceof CharacterCodingException) {
                return new InvalidRequestException("body", "is not UTF-8 text; save the file as CSV UTF-8");
            }
            if (cause instanceof TooManySeparators) {
                return new InvalidRequestException("body", "has a line with more than " + MAX_SEPARATORS_PER_LINE + " commas");
            }
        }
        // Otherwise the parser found the text is not CSV (an unclosed quote, text after a closing quote), or the
        // upload broke off: either way the file as received cannot be read.
        return new InvalidRequestException("body", "is not valid CSV (RFC 4180): check the quotes around values");
    }

    /** Stops reading past the limit, so that a chunked upload is refused at the limit rather than read to its end. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }

    /**
     * Counts separators per physical line before the parser builds a record, so that a line of a million commas
     * costs a counter rather than a million strings.
     */
    private static final class SeparatorBudget extends FilterReader {

        private int separators;

        SeparatorBudget(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(char c) throws TooManySeparators {
            if (c == '\n') {
                separators = 0;
            } else if (c == ',' && ++separators > MAX_SEPARATORS_PER_LINE) {
                throw new TooManySeparators();
            }
        }
    }

    private static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class TooManySeparators extends IOException {
        TooManySeparators() {
            super("too many separators on one line");
        }
    }
}
