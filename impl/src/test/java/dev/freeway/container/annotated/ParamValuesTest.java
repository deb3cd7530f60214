package dev.freeway.container.annotated;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Spec §4.3: path segments converted like the box's String constructor; failures are DecodeExceptions. */
class ParamValuesTest {
    private static final List<ParamPath> PATHS = List.of(new ParamPath("room", String.class),
            new ParamPath("n", int.class), new ParamPath("n", Long.class), new ParamPath("flag", boolean.class),
            new ParamPath("c", char.class));

    @Test
    void convertsEachParameter() {
        ParamValues values = ParamValues.convert(PATHS, Map.of("room", "lobby", "n", "42", "flag", "true", "c", "x"));
        assertThat(values.failure()).isNull();
        assertThat(values.values()).containsExactly("lobby", 42, 42L, true, 'x');
    }

    @Test
    void missingReferencesAreNull() {
        ParamValues values = ParamValues.convert(List.of(new ParamPath("room", String.class),
                new ParamPath("n", Integer.class)), Map.of());
        assertThat(values.failure()).isNull();
        assertThat(values.values()).containsExactly(null, null);
    }

    @Test
    void aMissingBooleanIsFalseAsNewBooleanOfNullIs() {
        // TCK websocketmessage booleanToBooleanWithPathParamTest: @PathParam("{param}") Boolean on /x/{param}
        ParamValues values = ParamValues.convert(List.of(new ParamPath("{param}", Boolean.class),
                new ParamPath("{param}", boolean.class)), Map.of("param", "true"));
        assertThat(values.failure()).isNull();
        assertThat(values.values()).containsExactly(false, false);
    }

    @Test
    void missingPrimitiveFails() {
        ParamValues values = ParamValues.convert(List.of(new ParamPath("n", int.class)), Map.of());
        assertThat(values.failure()).hasMessage(
                "path parameter {n} is missing from the request, and a int parameter cannot be null");
        assertThat(values.values()).containsExactly(0);
    }

    @Test
    void unconvertibleFailsWithTheSegmentAndTakesTheDefault() {
        ParamValues values = ParamValues.convert(PATHS, Map.of("room", "lobby", "n", "four", "flag", "x", "c", ""));
        assertThat(values.failure())
                .hasMessage("path parameter {n} = \"four\" is not a valid int")
                .hasCauseInstanceOf(jakarta.websocket.DecodeException.class);
        assertThat(values.failure().getText()).isEqualTo("four");
        // "x" is false for a boolean, as new Boolean("x") would say
        assertThat(values.values()).containsExactly("lobby", 0, null, false, '\0');
    }

    @Test
    void noneBeforeOpen() {
        assertThat(ParamValues.NONE.values()).isNull();
        assertThat(ParamValues.NONE.failure()).isNull();
    }
}
