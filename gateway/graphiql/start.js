// Start GraphiQL on the endpoint that served the page, with the example the page carries.
// The page's scripts define React, ReactDOM, GraphiQL and GraphiQLPluginExplorer.
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("gateway-graphiql").textContent);
  var props = {
    // Headers typed into the headers editor, Authorization among them, go with every
    // request; they are not stored, so a key does not outlive the tab.
    fetcher: GraphiQL.createFetcher({ url: window.location.origin + window.location.pathname }),
    storage: withoutHeaders(window.localStorage),
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

  // GraphiQL keeps each query of its history with the headers it ran with, whatever
  // shouldPersistHeaders says: every "headers" is dropped on the way into storage.
  function withoutHeaders(storage) {
    return {
      getItem: function (key) {
        return storage.getItem(key);
      },
      setItem: function (key, value) {
        if (/headers$/.test(key)) {
          return;
        }
        try {
          value = JSON.stringify(JSON.parse(value), function (name, item) {
            return name === "headers" ? undefined : item;
          });
        } catch (error) {
          // Not JSON: stored as it is.
        }
        storage.setItem(key, value);
      },
      removeItem: function (key) {
        storage.removeItem(key);
      },
      clear: function () {
        storage.clear();
      },
      get length() {
        return storage.length;
      },
    };
  }

  function firstVisit() {
    try {
      return window.localStorage.getItem("graphiql:query") === null;
    } catch (error) {
      return true;
    }
  }
})();
