package server_test

import (
	"context"

	"github.com/tocsin/tocsin/viewer"
)

func viewerSystem() context.Context { return viewer.System(context.Background()) }
