import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AcrossDivisions, PublicRoute } from '@salesos/http';
import type { Response } from 'express';
import { MessagingHealth } from '../health/messaging-health';

/**
 * Probes for Kubernetes, open to all: they show no business data. Metrics for Prometheus need a token like any other
 * route (a scrape job sends its service account's bearer token).
 */
@ApiTags('health')
@AcrossDivisions()
@Controller()
export class HealthController {
  constructor(@Inject(MessagingHealth) private readonly health: MessagingHealth) {}

  /** The process answers: restart it when this fails. */
  @Get('health/live')
  @PublicRoute()
  live() {
    return { status: 'up' };
  }

  /** The relay and consumers run: send traffic only when this answers 200. */
  @Get('health/ready')
  @PublicRoute()
  ready(@Res({ passthrough: true }) response: Response) {
    const readiness = this.health.readiness();
    response.status(readiness.ready ? 200 : 503);
    return { status: readiness.ready ? 'up' : 'down', ...readiness };
  }

  @Get('metrics')
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.health.prometheus();
  }
}
