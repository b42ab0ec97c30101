// Start GraphiQL on the endpoint that served the page, with the example the page carries.
// The page's scripts define React, ReactDOM, GraphiQL and GraphiQLPluginExplorer.
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("gateway-graphiql").textContent);
  var props = {
    // Headers typed into the headers editor, Authorization among them, go with every
    // request; they are not stored, so a key does not outlive the tab.
    fetcher: GraphiQL.createFetcher({ url: window.location.origin + window.location.pathname }),
    defaultEditorToolsVisibility: "variables",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    plugins: [GraphiQLPluginExplorer.explorerPlugin()],
  };
  if (firstVisit()) {
    // GraphiQL keeps what was last typed; the example, with its variables, opens a first visit.
    props.query = settings.query;
    props.variables = settings.variables;
  }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, props)
  );

  function firstVisit() {
    try {
      return window.localStorage.getItem("graphiql:query") === null;
    } catch (error) {
      return true;
    }
  }
})();
