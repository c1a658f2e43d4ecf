// GraphiQL with its explorer, as Strawberry's page starts it, from this server's own copies of
// React, GraphiQL and the explorer (no CDN). Queries go to the page's own URL, with the session
// cookie (same origin), as JSON: the CSRF guard lets JSON through.
(function () {
  "use strict";

  const EXAMPLE_QUERY = `# Portail Familles — GraphiQL
#
# Écrivez une requête à gauche, lancez-la avec Ctrl-Entrée (ou le bouton ▶).
# La documentation du schéma est dans le panneau « Docs ».
#
# {
#   bookingLegend { state label }
# }
`;

  // The query, variables and headers can be shared in the URL (?q=…&variables=…).
  const parameters = {};
  for (const entry of window.location.search.slice(1).split("&")) {
    const eq = entry.indexOf("=");
    if (eq >= 0) {
      parameters[decodeURIComponent(entry.slice(0, eq))] = decodeURIComponent(entry.slice(eq + 1));
    }
  }

  function updateURL(data) {
    Object.assign(parameters, data);
    const newSearch =
      "?" +
      Object.keys(parameters)
        .filter((key) => Boolean(parameters[key]))
        .map((key) => encodeURIComponent(key) + "=" + encodeURIComponent(parameters[key]))
        .join("&");
    history.replaceState(null, null, newSearch);
  }

  const fetcher = GraphiQL.createFetcher({ url: window.location.href.split("?")[0] });

  function GraphiQLWithExplorer() {
    const [query, setQuery] = React.useState(parameters.q || EXAMPLE_QUERY);
    const [variables, setVariables] = React.useState(parameters.variables);
    const [headers, setHeaders] = React.useState(parameters.headers);
    const explorerPlugin = GraphiQLPluginExplorer.explorerPlugin();

    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      plugins: [explorerPlugin],
      query: query,
      variables: variables,
      headers: headers,
      onEditQuery: (newQuery) => {
        setQuery(newQuery);
        updateURL({ q: newQuery });
      },
      onEditVariables: (newVariables) => {
        setVariables(newVariables);
        updateURL({ variables: newVariables });
      },
      onEditHeaders: setHeaders,
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQLWithExplorer));
})();
