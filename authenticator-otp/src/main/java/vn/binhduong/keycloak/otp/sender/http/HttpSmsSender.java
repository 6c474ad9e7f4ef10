package vn.binhduong.keycloak.otp.sender.http;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.ByteArrayEntity;
import org.keycloak.models.KeycloakSession;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;
import vn.binhduong.keycloak.otp.sender.SecretOption;
import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SmsSender;

/** A Vietnamese brandname gateway reached by one configurable HTTP request (after a token request, if token-first). */
final class HttpSmsSender implements SmsSender {

    private final KeycloakSession session;
    private final HttpGatewayConfig config;
    private final GatewayHttp http;
    private final ObjectMapper json;
    private final GatewayToken token;

    HttpSmsSender(KeycloakSession session, HttpGatewayConfig config, GatewayHttp http, ObjectMapper json, GatewayToken token) {
        this.session = session;
        this.config = config;
        this.http = http;
        this.json = json;
        this.token = token;
    }

    @Override
    public void send(String phoneE164, String text) throws SmsSendException {
        send(phoneE164, text, null);
    }

    @Override
    public void send(String phoneE164, String text, String code) throws SmsSendException {
        String accessToken = token == null ? null : token.get(session, http);
        GatewayHttp.Answer response;
        try {
            response = http.send(request(phoneE164, text, code, accessToken));
        } catch (IOException e) {
            throw failure(e);
        }
        if (accessToken != null && response.status() == 401) {
            token.refused(accessToken);
        }
        if (!config.successStatuses().contains(response.status())) {
            throw new SmsSendException("gateway answered HTTP " + response.status(), false);
        }
        if (config.successJsonPointer() != null) {
            checkJsonField(response.body());
        }
        if (config.successXmlElement() != null) {
            checkXmlElement(response.body());
        }
    }

    /** Failover is safe only when the request surely never reached the gateway. */
    private SmsSendException failure(IOException e) {
        if (e instanceof ConnectTimeoutException) {
            return new SmsSendException("gateway connection timed out", false, e);
        }
        if (GatewayHttp.neverReachedGateway(e)) {
            return new SmsSendException("gateway refused the connection", false, e);
        }
        if (GatewayHttp.answerTimedOut(e)) {
            return new SmsSendException("gateway did not answer within " + config.timeout().toMillis() + " ms", true, e);
        }
        return new SmsSendException("gateway I/O error: " + e.getClass().getSimpleName(), true, e);
    }

    private void checkJsonField(String body) throws SmsSendException {
        JsonNode field;
        try {
            field = json.readTree(body).at(config.successJsonPointer());
        } catch (IOException e) {
            throw new SmsSendException("gateway answer is not JSON", true);
        }
        if (field.isMissingNode()) {
            throw new SmsSendException("gateway answer lacks " + config.successJsonPointer(), true);
        }
        if (config.successJsonValue() != null && !config.successJsonValue().equals(field.asText())) {
            throw new SmsSendException("gateway refused the message (" + config.successJsonPointer() + " = "
                    + field.asText() + ")", false);
        }
    }

    /** The first element of that local name, in any namespace (SOAP answers: Viettel's {@code <result>1</result>}). */
    private void checkXmlElement(String body) throws SmsSendException {
        Node element;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A gateway's answer is not trusted with entities or DTDs.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Fatal errors still throw; nothing is printed to stderr (a parser's message may quote the answer).
            builder.setErrorHandler(new DefaultHandler());
            element = builder.parse(new InputSource(new StringReader(body)))
                    .getElementsByTagNameNS("*", config.successXmlElement()).item(0);
        } catch (ParserConfigurationException | SAXException | IOException | IllegalArgumentException e) {
            throw new SmsSendException("gateway answer is not XML", true);
        }
        if (element == null) {
            throw new SmsSendException("gateway answer lacks <" + config.successXmlElement() + ">", true);
        }
        String value = element.getTextContent().trim();
        if (config.successXmlValue() != null && !config.successXmlValue().equals(value)) {
            throw new SmsSendException("gateway refused the message (<" + config.successXmlElement() + "> = "
                    + value + ")", false);
        }
    }

    private HttpUriRequest request(String phoneE164, String text, String code, String accessToken) {
        Map<String, String> values = new HashMap<>(config.params());
        values.put("phone", config.phoneFormat().format(phoneE164));
        values.put("message", text);
        values.put("messageBase64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        if (code != null) {
            values.put("code", code);
        }
        // One id per message, for gateways that want the client's own reference (and for their support desk).
        values.put("requestId", UUID.randomUUID().toString().replace("-", ""));
        values.put("brandname", config.brandname());
        if (config.username() != null) {
            values.put("username", SecretOption.resolve(session, config.username()));
        }
        if (config.secret() != null) {
            values.put("secret", SecretOption.resolve(session, config.secret()));
        }
        if (accessToken != null) {
            values.put("token", accessToken);
        }
        RequestBuilder request = RequestBuilder.create(config.method()).setUri(config.url())
                .setHeader("Content-Type", config.contentType() + "; charset=UTF-8");
        config.headers().forEach((name, value) -> request.setHeader(name, value.render(values, session, RequestTemplate.Syntax.RAW)));
        switch (config.authType()) {
            case BASIC -> request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (values.getOrDefault("username", "") + ":" + values.getOrDefault("secret", "")).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> request.setHeader("Authorization", "Bearer " + values.get("secret"));
            case OAUTH2 -> request.setHeader("Authorization", "Bearer " + accessToken);
            case NONE -> { }
        }
        String body = config.body().render(values, session, config.syntax());
        // An entity without a content type of its own: the header set above (or a configured one) is sent.
        return request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8))).build();
    }
}
