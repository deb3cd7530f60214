package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DeploymentException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

class UriTemplateTest {

    private static UriTemplate parse(String path) throws DeploymentException {
        return UriTemplate.parse(path);
    }

    @Nested
    class Parsing {
        @ParameterizedTest
        @ValueSource(strings = {"/", "/hello", "/a/b/", "/bookings/{guest-id}", "/rewards/{vip-level}", "/a/{foo}",
                "/{bar}", "/{bar}/b/c", "/a/{var}/c", "/a/{var1}/{var2}", "/caf%C3%A9", "/a;b=c/x:y@z/!$&'()*+,=~",
                "/{a.b}", "/{_x%41}"})
        void acceptsRelativeUrisAndLevelOneTemplates(String path) throws DeploymentException {
            assertThat(parse(path).path()).isEqualTo(path);
        }

        @Test
        void listsVariablesInOrder() throws DeploymentException {
            UriTemplate t = parse("/a/{var1}/b/{var2}");
            assertThat(t.variableNames()).containsExactly("var1", "var2");
            assertThat(t.hasVariables()).isTrue();
            assertThat(t.segmentCount()).isEqualTo(4);
            assertThat(parse("/").segmentCount()).isEqualTo(1);
            assertThat(parse("/a/b/").segmentCount()).isEqualTo(3);
            assertThat(parse("/a").hasVariables()).isFalse();
        }

        @Test
        void refusesAMissingPath() {
            assertThatThrownBy(() -> parse(null)).isInstanceOf(DeploymentException.class)
                    .hasMessage("no path given; an endpoint path is a relative URI starting with '/' "
                            + "(Jakarta WebSocket 2.2 section 3.1.1)");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "a/{var}|path 'a/{var}' must start with '/'",
            "/chat?room=1|path '/chat?room=1' has a query ('?room=1'); an endpoint path has only path segments",
            "/chat#top|path '/chat#top' has a fragment ('#top'); an endpoint path has only path segments",
            "/a//b|path '/a//b' has an empty segment ('//') at segment 2; only the last segment may be empty",
            "//|path '//' has an empty segment ('//') at segment 1; only the last segment may be empty",
            "/a/../b|path '/a/../b' has a '..' segment; an endpoint path must be normalized",
            "/a/./b|path '/a/./b' has a '.' segment; an endpoint path must be normalized",
            "/a/%2E%2E|path '/a/%2E%2E' has a '..' segment; an endpoint path must be normalized",
            "/a/b{var}|path '/a/b{var}' has '{' inside segment 2 ('b{var}'); a variable must be a whole segment, like '/{name}'",
            "/{var}.do|path '/{var}.do' has '{' inside segment 1 ('{var}.do'); a variable must be a whole segment, like '/{name}'",
            "/a/{var/b}|path '/a/{var/b}' has '{' inside segment 2 ('{var'); a variable must be a whole segment, like '/{name}'",
            "/a/var}|path '/a/var}' has '}' inside segment 2 ('var}'); a variable must be a whole segment, like '/{name}'",
            "/a/{}|path '/a/{}' has a variable without a name ('{}')",
            "/a/%zz|path '/a/%zz' has '%' not followed by two hex digits in segment 2 ('%zz')",
            "/a/%FF|path '/a/%FF' has percent-encoded bytes in segment 2 ('%FF') that are not UTF-8",
            "/a b|path '/a b' has the character ' ' in segment 1, which a URI path cannot hold; "
                    + "write it percent-encoded as '%20' (RFC 3986 section 3.3)",
            "/café|path '/café' has the character 'é' in segment 1, which a URI path cannot hold; "
                    + "write it percent-encoded as '%C3%A9' (RFC 3986 section 3.3)",
            "/{room}/x/{room}|path '/{room}/x/{room}' uses the variable '{room}' twice; each variable may appear once",
        })
        void refusesWithTheRule(String path, String message) {
            assertThatThrownBy(() -> parse(path)).isInstanceOf(DeploymentException.class)
                    .hasMessage(message + " (Jakarta WebSocket 2.2 section 3.1.1)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/a/{var*}", "/a/{+var}", "/a/{.var}", "/a/{x,y}", "/a/{a}{b}", "/a/{ x}"})
        void refusesVariableNamesBeyondLevelOne(String path) {
            assertThatThrownBy(() -> parse(path)).isInstanceOf(DeploymentException.class)
                    .hasMessageStartingWith("path '" + path + "' has an invalid variable name")
                    .hasMessageContaining("a name is made of letters, digits, '_', '-', '.' (not first) and "
                            + "percent-encoded octets, and a variable must be a whole segment (RFC 6570 level 1)");
        }
    }

    @Nested
    class Matching {
        @Test
        void relativeUriMatchesOnlyItself() throws DeploymentException {
            // Section 3.1.1 example i: /a/b/ is matched by /a/b/ alone.
            UriTemplate t = parse("/a/b/");
            assertThat(t.match("/a/b/")).isEmpty();
            assertThat(t.match("/a/b")).isNull();
            assertThat(t.match("/a/b/c")).isNull();
        }

        @Test
        void variableMatchesOneNonEmptySegment() throws DeploymentException {
            // Section 3.1.1 example ii.
            UriTemplate t = parse("/a/{var}");
            assertThat(t.match("/a/b")).containsExactly(Map.entry("var", "b"));
            assertThat(t.match("/a/apple")).containsExactly(Map.entry("var", "apple"));
            assertThat(t.match("/a")).isNull();
            assertThat(t.match("/a/")).isNull();
            assertThat(t.match("/a/b/")).isNull();
            assertThat(t.match("/a/b/c")).isNull();
        }

        @Test
        void valuesAreInTemplateOrder() throws DeploymentException {
            assertThat(parse("/{z}/{a}/{m}").match("/1/2/3")).containsExactly(
                    Map.entry("z", "1"), Map.entry("a", "2"), Map.entry("m", "3"));
        }

        @Test
        void valuesArePercentDecodedAsUtf8() throws DeploymentException {
            UriTemplate t = parse("/chat/{room}");
            assertThat(t.match("/chat/caf%C3%A9%20au%20lait")).containsEntry("room", "café au lait");
            assertThat(t.match("/chat/a+b")).containsEntry("room", "a+b");
        }

        @Test
        void encodedSlashStaysInItsSegment() throws DeploymentException {
            assertThat(parse("/files/{name}").match("/files/a%2Fb")).containsEntry("name", "a/b");
            assertThat(parse("/files/{name}").match("/files/a/b")).isNull();
        }

        @Test
        void literalsCompareDecoded() throws DeploymentException {
            UriTemplate t = parse("/caf%C3%A9");
            assertThat(t.match("/caf%c3%a9")).isEmpty();
            assertThat(t.match("/caf%C3%A9")).isEmpty();
            assertThat(parse("/ab").match("/a%62")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/chat/..", "/chat/.", "/chat/%2e%2E", "/chat/%zz", "/chat/%C3", "chat/x", "", "/chat/x?y=1"})
        void pathsThatCannotBeMatched(String path) throws DeploymentException {
            assertThat(parse("/chat/{room}").match(path)).isNull();
        }

        @Test
        void nullPathMatchesNothing() throws DeploymentException {
            assertThat(parse("/").match(null)).isNull();
        }

        @Test
        void rootMatchesRoot() throws DeploymentException {
            assertThat(parse("/").match("/")).isEmpty();
            assertThat(parse("/").match("/a")).isNull();
        }
    }

    @Nested
    class Equality {
        @Test
        void equalUpToVariableNames() throws DeploymentException {
            assertThat(parse("/chat/{room}")).isEqualTo(parse("/chat/{name}"))
                    .hasSameHashCodeAs(parse("/chat/{name}"));
            assertThat(parse("/a/b")).isEqualTo(parse("/a/%62"));
        }

        @Test
        void differentShapesDiffer() throws DeploymentException {
            assertThat(parse("/chat/{room}")).isNotEqualTo(parse("/chat/room"));
            assertThat(parse("/chat/{room}")).isNotEqualTo(parse("/chat/{room}/"));
            assertThat(parse("/{a}/b")).isNotEqualTo(parse("/b/{a}"));
        }

        @Test
        void toStringIsThePath() throws DeploymentException {
            assertThat(parse("/chat/{room}")).hasToString("/chat/{room}");
        }
    }
}
