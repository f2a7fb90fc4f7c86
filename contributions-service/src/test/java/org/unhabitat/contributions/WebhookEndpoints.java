package org.unhabitat.contributions;

import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;

/**
 * Webhook endpoints as a test needs them: one registered through the API for a receiver, and every one removed after
 * a test, so that later tests' pledges are not sent to a receiver that is gone.
 */
public final class WebhookEndpoints {

    /** Registers the receiver for these events with the caller's token; the API's answer, secret included. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> subscribe(String token, WebhookReceiver receiver, String... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of(events)))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().as(Map.class);
    }

    /**
     * One endpoint per transaction, as the API deletes them: one statement deleting several could deadlock with a
     * fan-out that is adding deliveries to two of them in the other order.
     */
    public static void deleteAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM webhook_subscription");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?")) {
                for (UUID id : ids) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebhookEndpoints() {
    }
}
