package org.unhabitat.platform.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the suite reads and writes JSON. Money travels as exact decimal strings ("60000000.00"),
 * never as binary floating point.
 *
 * <p>What a client sends is read strictly ({@link #strictRequests}): each field only in its
 * documented JSON type. Jackson's defaults would otherwise take {@code "budgetLine": 0} as the first
 * budget line, {@code "pledgedOn": 0} as 1970-01-01, a date-time as its date, an amount as a binary
 * number, {@code "year": "2021"} or {@code 2021.7} as 2021, and {@code 5} as the text "5". Every such
 * value is refused, and so is text with a control character (NUL included) or half a surrogate pair.
 * Events between the services are not read this way: their consumers are tolerant readers.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A copy of {@code mapper} that writes the same and reads request bodies strictly. */
    public static ObjectMapper strictRequests(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(strict, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        for (LogicalType type : LogicalType.values()) {
            if (type != LogicalType.Textual) {
                refuse(strict, type, CoercionInputShape.EmptyString);
            }
        }
        strict.registerModule(new SimpleModule("strict-request-values")
                .addDeserializer(String.class, new PlainText())
                .addDeserializer(BigDecimal.class, new DecimalString())
                .addDeserializer(LocalDate.class, new IsoDate())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnumName(type.getRawClass(), deserializer);
                    }
                }));
        return strict;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * An enum's name exactly as written: Jackson trims the text first, and String.trim() takes every
     * control character with the spaces, so " GLOBAL", "GLOBAL\u0000" and "\nGLOBAL" would all be GLOBAL.
     */
    static final class ExactEnumName extends StdDeserializer<Object> {

        private final Set<String> names;
        private final JsonDeserializer<?> reader;

        ExactEnumName(Class<?> type, JsonDeserializer<?> reader) {
            super(type);
            this.names = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).collect(Collectors.toSet());
            this.reader = reader;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !names.contains(parser.getText())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not one of the enum's names");
            }
            return reader.deserialize(parser, context);
        }
    }

    /** A JSON string without control characters (U+0000-U+001F, U+007F-U+009F) or unpaired surrogates. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (!isPlain(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a control character");
            }
            return text;
        }

        static boolean isPlain(String text) {
            for (int index = 0; index < text.length(); index++) {
                char c = text.charAt(index);
                if (Character.isISOControl(c)) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (index + 1 == text.length() || !Character.isLowSurrogate(text.charAt(index + 1))) {
                        return false;
                    }
                    index++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An exact decimal written as a JSON string: "7000000", "-26519.34"; no exponent, sign or spaces beyond a minus. */
    static final class DecimalString extends StdScalarDeserializer<BigDecimal> {

        private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

        DecimalString() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            String text = parser.getText();
            if (!DECIMAL.matcher(text).matches()) {
                return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "not a plain decimal");
            }
            return new BigDecimal(text);
        }
    }

    /** A calendar date as a JSON string YYYY-MM-DD, and nothing else: no epoch day, no time of day, no array. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (SHAPE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, DATE);
                } catch (DateTimeParseException e) {
                    // Reported below, like any other shape.
                }
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date as YYYY-MM-DD");
        }
    }
}
