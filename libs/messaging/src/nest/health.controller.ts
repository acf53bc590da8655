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

  /**
   * 200 while the service can serve: `status` is `up`, or `degraded` with the `reasons` an operator should look at (a
   * stalled consumer, a broker out of reach, a relay behind). 503 when it cannot: its store or database does not
   * answer, or a relay or consumer stopped for good.
   */
  @Get('health/ready')
  @PublicRoute()
  async ready(@Res({ passthrough: true }) response: Response) {
    const readiness = await this.health.check();
    response.status(readiness.ready ? 200 : 503);
    return readiness;
  }

  @Get('metrics')
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.health.prometheus();
  }
}
