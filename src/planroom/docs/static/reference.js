// The API reference: Swagger UI (vendored, see vendor/README.md) reading this server's document.
// Nothing is fetched from anywhere else: no validator badge, no fonts, no analytics.
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    displayRequestDuration: true,
    tryItOutEnabled: false,
    persistAuthorization: false,
    onComplete: function () {
      document.body.dataset.ready = "true";
    },
  });
})();
