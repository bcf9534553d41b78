import { Typography } from 'antd';
import { Link } from 'react-router';
import { format, useLang, useMessages } from '../../i18n/i18n';
import type { ProjectView } from '@plantrack/api';
import { projectHref, stageLabel, wan } from '../projects/project-format';
import { projectsMessages } from '../projects/projects.messages';
import { spatialMessages } from './spatial.messages';

/** The major projects located at the chosen place, each linked to its page. */
export function PlaceProjects({ projects }: { projects: readonly ProjectView[] }) {
  const t = useMessages(spatialMessages);
  const p = useMessages(projectsMessages);
  const { lang } = useLang();
  const title = format(t.projectsTitle, { n: projects.length });
  return (
    <section aria-labelledby="place-projects">
      <Typography.Title level={3} id="place-projects" style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {projects.length === 0 ? (
        <Typography.Text type="secondary">{t.noProjects}</Typography.Text>
      ) : (
        <ul aria-label={title} style={{ paddingInlineStart: 20, margin: 0 }}>
          {projects.map((project) => (
            <li key={project.id} style={{ marginBottom: 6 }}>
              <Link to={projectHref(project.id)}>{project.name}</Link>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {format(t.projectLine, {
                  stage: stageLabel(p, project.stage),
                  total: wan(project.totalWan, lang),
                })}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
