package api

import (
	_ "embed"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"gopkg.in/yaml.v3"
)

//go:embed openapi.yaml
var openAPIYAML []byte

// OpenAPIYAML returns the OpenAPI document as written.
func OpenAPIYAML() []byte { return openAPIYAML }

// openAPIJSON converts the YAML document to the JSON the API serves.
func openAPIJSON() ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(openAPIYAML, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func (s *Server) openAPI(c *gin.Context) error {
	c.Data(http.StatusOK, "application/json", s.openAPIDoc)
	return nil
}
